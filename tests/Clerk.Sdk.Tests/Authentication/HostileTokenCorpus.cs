using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Clerk.Authentication;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;
using R = Clerk.Authentication.ClerkTokenFailureReason;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>One hostile token and the reason it must be rejected with.</summary>
/// <param name="Group">structure, alg, kid, header, claims, size or tampering.</param>
/// <param name="Name">What is wrong with it.</param>
/// <param name="Expected">The reason the verifier must give.</param>
/// <param name="Build">Builds the token (lazily: some are large).</param>
/// <param name="Jwks">Verify against a JWKS-backed verifier (kid cases) instead of the PEM key.</param>
/// <param name="MaxJwksRequests">JWKS requests expected after the cache is warm, for two attempts (1 for an unknown kid: one rate-limited refetch).</param>
public sealed record HostileCase(string Group, string Name, ClerkTokenFailureReason Expected, Func<string> Build, bool Jwks = false, int MaxJwksRequests = 0)
{
    public override string ToString() => $"{Group}: {Name}";
}

/// <summary>
/// The hostile-token corpus: RFC 8725 (JWT best current practices) and Microsoft.IdentityModel's own validation tests
/// as the reference. Every token must be rejected, with the reason given.
/// </summary>
public static class HostileTokenCorpus
{
    public static IEnumerable<HostileCase> Cases()
    {
        // ---- structure ------------------------------------------------------------------------------------------
        yield return S("empty string", R.Malformed, () => "");
        yield return S("1 segment", R.Malformed, () => Valid().Split('.')[0]);
        yield return S("2 segments", R.Malformed, () => string.Join('.', Valid().Split('.').Take(2)));
        yield return S("4 segments", R.Malformed, () => Valid() + "." + B64("x"));
        yield return S("5 segments (JWE shape)", R.Malformed, () => Valid() + "." + B64("x") + "." + B64("y"));
        yield return S("trailing dot", R.Malformed, () => Valid() + ".");
        yield return S("leading dot (empty header)", R.Malformed, () => "." + string.Join('.', Valid().Split('.').Skip(1)));
        yield return S("empty payload segment", R.Malformed, () => { var p = Valid().Split('.'); return p[0] + ".." + p[2]; });
        yield return S("std base64 '+' and '/' in the header", R.Malformed, () => StdBase64Header());
        yield return S("std base64 padding '=' on the payload (signed as sent)", R.Malformed, () => { var p = Valid().Split('.'); return SignSegments(p[0], PadB64(p[1]), KeyA); });
        yield return S("space inside the payload segment", R.Malformed, () => { var p = Valid().Split('.'); return p[0] + "." + p[1].Insert(10, " ") + "." + p[2]; });
        yield return S("newline inside the signature", R.Malformed, () => { var p = Valid().Split('.'); return p[0] + "." + p[1] + "." + p[2].Insert(20, "\n"); });
        yield return S("leading whitespace", R.Malformed, () => " " + Valid());
        yield return S("signature of length 4n+1 (not base64)", R.Malformed, () => { var p = Valid().Split('.'); return p[0] + "." + p[1] + "." + p[2][..(p[2].Length - (p[2].Length % 4) + 1)]; });
        yield return S("non-zero unused bits in the last header character", R.Malformed, () => NonCanonicalHeader());
        yield return S("header is a JSON array", R.Malformed, () => SignJson("[\"RS256\"]", Json(SessionClaims())));
        yield return S("header is a JSON string", R.Malformed, () => SignJson("\"RS256\"", Json(SessionClaims())));
        yield return S("header is JSON null", R.Malformed, () => SignJson("null", Json(SessionClaims())));
        yield return S("header is not JSON", R.Malformed, () => SignJson("alg=RS256", Json(SessionClaims())));
        yield return S("header with invalid UTF-8", R.Malformed, () => SignBytes(Bytes("{\"alg\":\"RS256\",\"kid\":\"", new byte[] { 0xC3, 0x28 }, "\"}"), Encoding.UTF8.GetBytes(Json(SessionClaims()))));
        yield return S("payload with invalid UTF-8 (overlong encoding)", R.Malformed, () => SignBytes(Encoding.UTF8.GetBytes(Json(SessionHeader())), Bytes("{\"sub\":\"user_", new byte[] { 0xC0, 0xAF }, "\"," + Json(SessionClaims().Without("sub"))[1..])));
        yield return S("payload is a JSON array", R.Malformed, () => SignJson(Json(SessionHeader()), "[1,2]"));
        yield return S("duplicate alg members (none, then RS256)", R.Malformed, () => SignJson("{\"alg\":\"none\",\"alg\":\"RS256\",\"kid\":\"" + KidA + "\"}", Json(SessionClaims())));
        yield return S("duplicate sub members in the payload", R.Malformed, () => SignJson(Json(SessionHeader()), "{\"sub\":\"user_admin\"," + Json(SessionClaims())[1..]));

        // ---- alg ------------------------------------------------------------------------------------------------
        yield return A("alg none, no signature", R.UnsupportedAlgorithm, () => Unsigned("none"));
        yield return A("alg None", R.UnsupportedAlgorithm, () => Unsigned("None"));
        yield return A("alg NONE", R.UnsupportedAlgorithm, () => Unsigned("NONE"));
        yield return A("alg nOnE with a valid RS256 signature", R.UnsupportedAlgorithm, () => Sign(SessionHeader().With("alg", "nOnE"), SessionClaims()));
        yield return A("alg empty string", R.UnsupportedAlgorithm, () => Sign(SessionHeader().With("alg", ""), SessionClaims()));
        yield return A("alg missing", R.UnsupportedAlgorithm, () => Sign(SessionHeader().Without("alg"), SessionClaims()));
        yield return A("alg a number", R.UnsupportedAlgorithm, () => Sign(SessionHeader().With("alg", 256), SessionClaims()));
        yield return A("alg null", R.UnsupportedAlgorithm, () => Sign(SessionHeader().With("alg", null), SessionClaims()));
        yield return A("alg an array", R.UnsupportedAlgorithm, () => Sign(SessionHeader().With("alg", new[] { "RS256" }), SessionClaims()));
        yield return A("alg lower-case rs256", R.UnsupportedAlgorithm, () => Sign(SessionHeader().With("alg", "rs256"), SessionClaims()));
        yield return A("alg 'RS256 ' with a trailing space", R.UnsupportedAlgorithm, () => Sign(SessionHeader().With("alg", "RS256 "), SessionClaims()));
        yield return A("HS256 keyed with the PEM bytes of the public key", R.UnsupportedAlgorithm, () => SignHmacWithPem(SessionHeader().With("alg", "HS256"), SessionClaims()));
        yield return A("PS256 with the instance's RSA key (not allowed)", R.UnsupportedAlgorithm, () => Sign(SessionHeader().With("alg", "PS256"), SessionClaims(), KeyA, "PS256"));
        yield return A("ES256 (not allowed)", R.UnsupportedAlgorithm, () => SignEc(SessionHeader().With("alg", "ES256"), SessionClaims()));
        yield return A("RS384 (not allowed by default)", R.UnsupportedAlgorithm, () => Sign(SessionHeader().With("alg", "RS384"), SessionClaims(), KeyA, "RS384"));

        // ---- kid (JWKS-backed verifier, cache warm) ------------------------------------------------------------------
        yield return K("kid missing", R.UnknownKid, () => Sign(SessionHeader(kid: null), SessionClaims()));
        yield return K("unknown kid (one rate-limited refetch)", R.UnknownKid, () => Sign(SessionHeader("ins_unknown"), SessionClaims()), maxRequests: 1);
        yield return K("path-like kid", R.UnknownKid, () => Sign(SessionHeader("../../../../etc/passwd"), SessionClaims()), maxRequests: 1);
        yield return K("SQL-like kid", R.UnknownKid, () => Sign(SessionHeader("' OR '1'='1'; DROP TABLE keys; --"), SessionClaims()), maxRequests: 1);
        yield return K("10 KB kid (no refetch)", R.Malformed, () => Sign(SessionHeader(new string('k', 10 * 1024)), SessionClaims()));
        yield return K("kid a number", R.Malformed, () => Sign(SessionHeader().With("kid", 7), SessionClaims()));
        yield return K("kid empty", R.Malformed, () => Sign(SessionHeader(""), SessionClaims()));
        yield return K("another instance's kid and key", R.UnknownKid, () => Sign(SessionHeader(KidB), SessionClaims(), KeyB), maxRequests: 1);
        yield return K("the instance's kid, signed with another instance's key", R.InvalidSignature, () => Sign(SessionHeader(KidA), SessionClaims(), KeyB));

        // ---- header injection: jku, x5u, jwk, x5c are never used; crit is rejected -------------------------------------
        yield return K("jku pointing at an attacker's JWKS, attacker kid", R.UnknownKid, () => Sign(SessionHeader("attacker").With("jku", "https://evil.example/jwks.json"), SessionClaims(), KeyB), maxRequests: 1);
        yield return K("x5u pointing at an attacker's certificate, attacker kid", R.UnknownKid, () => Sign(SessionHeader("attacker").With("x5u", "https://evil.example/cert.pem"), SessionClaims(), KeyB), maxRequests: 1);
        yield return K("embedded jwk of the attacker's key, instance kid", R.InvalidSignature, () => Sign(SessionHeader().With("jwk", Jwk(KidA, KeyB)), SessionClaims(), KeyB));
        yield return H("embedded jwk of the attacker's key (PEM verifier)", R.InvalidSignature, () => Sign(SessionHeader().With("jwk", Jwk(KidA, KeyB)), SessionClaims(), KeyB));
        yield return H("x5c with the attacker's self-signed certificate", R.InvalidSignature, () => Sign(SessionHeader().With("x5c", new[] { AttackerCertificate() }), SessionClaims(), KeyB));
        yield return H("jku with the instance's key otherwise valid but signed by the attacker", R.InvalidSignature, () => Sign(SessionHeader().With("jku", "https://evil.example/jwks.json"), SessionClaims(), KeyB));
        yield return H("crit naming an unknown extension", R.UnsupportedCriticalHeader, () => Sign(SessionHeader().With("crit", new[] { "http://evil.example/ext" }).With("http://evil.example/ext", true), SessionClaims()));
        yield return H("crit [\"b64\"] with b64: false", R.UnsupportedCriticalHeader, () => Sign(SessionHeader().With("crit", new[] { "b64" }).With("b64", false), SessionClaims()));
        yield return H("crit empty list", R.UnsupportedCriticalHeader, () => Sign(SessionHeader().With("crit", Array.Empty<string>()), SessionClaims()));

        // ---- claims -----------------------------------------------------------------------------------------------
        yield return C("exp missing", R.InvalidClaim, SessionClaims().Without("exp"));
        yield return C("exp a string", R.InvalidClaim, SessionClaims().With("exp", (NowSeconds + 60).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        yield return C("exp null", R.InvalidClaim, SessionClaims().With("exp", null));
        yield return C("exp at now - 6 s (5 s skew)", R.Expired, SessionClaims().With("exp", NowSeconds - 6));
        yield return C("exp at now - 5 s exactly (5 s skew, 500 ms past the second)", R.Expired, SessionClaims().With("exp", NowSeconds - 5));
        yield return C("exp long past", R.Expired, SessionClaims().With("exp", NowSeconds - 86_400));
        yield return C("nbf in the future", R.NotYetValid, SessionClaims().With("nbf", NowSeconds + 60));
        yield return C("nbf a string", R.InvalidClaim, SessionClaims().With("nbf", "0"));
        yield return C("iat in the future", R.IssuedInTheFuture, SessionClaims().With("iat", NowSeconds + 60));
        yield return C("iat a boolean", R.InvalidClaim, SessionClaims().With("iat", true));
        yield return C("sub missing", R.InvalidClaim, SessionClaims().Without("sub"));
        yield return C("sub a number", R.InvalidClaim, SessionClaims().With("sub", 42));
        yield return C("sub empty", R.InvalidClaim, SessionClaims().With("sub", ""));
        yield return C("azp absent with parties set", R.UnauthorizedParty, SessionClaims().Without("azp"));
        yield return C("azp of another origin", R.UnauthorizedParty, SessionClaims().With("azp", "https://evil.example"));
        yield return C("azp with a trailing slash", R.UnauthorizedParty, SessionClaims().With("azp", Party + "/"));
        yield return C("azp an array holding the party", R.InvalidClaim, SessionClaims().With("azp", new[] { Party }));
        yield return C("foreign iss", R.InvalidIssuer, SessionClaims().With("iss", "https://clerk.evil.example"));
        yield return C("iss over http", R.InvalidIssuer, SessionClaims().With("iss", "http://clerk.example.com"));
        yield return C("iss missing", R.InvalidIssuer, SessionClaims().Without("iss"));
        yield return C("sts pending", R.SessionPending, SessionClaims().With("sts", "pending"));
        yield return C("sts revoked", R.SessionNotActive, SessionClaims().With("sts", "revoked"));
        yield return C("subject is a machine (mch_): an M2M JWT on the session path", R.WrongTokenType, SessionClaims().With("sub", "mch_2xyzMACHINE"));
        yield return C("v2 fea element without a scope", R.InvalidClaim, SessionClaims().With("o", new { id = "org_1", rol = "admin", per = "read", fpm = "1" }).With("fea", "invoices"));
        yield return H("M2M category (cat) on the session path", R.WrongTokenType, () => Sign(SessionHeader().With("cat", "cl_B7d4PD333AAA"), SessionClaims()));
        yield return H("unknown category (cat)", R.WrongTokenType, () => Sign(SessionHeader().With("cat", "cl_UNKNOWN"), SessionClaims()));
        yield return H("typ at+jwt (an OAuth access token)", R.InvalidType, () => Sign(SessionHeader().With("typ", "at+jwt"), SessionClaims()));
        yield return H("typ application/at+jwt", R.InvalidType, () => Sign(SessionHeader().With("typ", "application/at+jwt"), SessionClaims()));
        yield return H("typ lower-case jwt", R.InvalidType, () => Sign(SessionHeader().With("typ", "jwt"), SessionClaims()));
        yield return H("typ null", R.InvalidType, () => Sign(SessionHeader().With("typ", null), SessionClaims()));

        // ---- size -------------------------------------------------------------------------------------------------
        yield return Z("over 256 KB (garbage, never decoded)", R.TokenTooLarge, () => new string('a', 100) + "." + new string('\u00e9', 256 * 1024) + "." + new string('a', 100));
        yield return Z("over the 64 KB default limit, validly signed", R.TokenTooLarge, () => Sign(SessionHeader(), SessionClaims().With("pad", new string('p', 70 * 1024))));
        yield return Z("1,000-deep JSON array in the payload, validly signed", R.Malformed, () => SignJson(Json(SessionHeader()), "{\"deep\":" + new string('[', 1000) + new string(']', 1000) + "," + Json(SessionClaims())[1..]));
        yield return Z("1,000-deep JSON object in the header", R.Malformed, () => SignJson("{\"alg\":\"RS256\",\"x\":" + string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000) + "}", Json(SessionClaims())));

        // ---- tampering --------------------------------------------------------------------------------------------
        yield return T("a bit flipped in the header (kid)", R.InvalidSignature, () => FlipInJson(Valid(), 0, "ins_2a"));
        yield return T("a bit flipped in the payload (sub)", R.InvalidSignature, () => FlipInJson(Valid(), 1, "user_2xyz"));
        yield return T("a bit flipped in the signature", R.InvalidSignature, () => FlipSignature(Valid()));
        yield return T("signature truncated by 10 bytes", R.InvalidSignature, () => { var p = Valid().Split('.'); return p[0] + "." + p[1] + "." + B64(FromB64(p[2])[..^10]); });
        yield return T("signature empty", R.InvalidSignature, () => { var p = Valid().Split('.'); return p[0] + "." + p[1] + "."; });
        yield return T("signature of another token", R.InvalidSignature, () => { var p = Valid().Split('.'); var other = Sign(SessionHeader(), SessionClaims().With("sub", "user_other")).Split('.'); return p[0] + "." + p[1] + "." + other[2]; });
        yield return T("payload swapped for another user's, signature kept", R.InvalidSignature, () => { var p = Valid().Split('.'); return p[0] + "." + B64(Json(SessionClaims().With("sub", "user_admin"))) + "." + p[2]; });
        yield return T("signed by another key", R.InvalidSignature, () => Sign(SessionHeader(), SessionClaims(), KeyB));
    }

    public static string Valid() => Sign(SessionHeader(), SessionClaims());

    private static HostileCase S(string name, R reason, Func<string> build) => new("structure", name, reason, build);

    private static HostileCase A(string name, R reason, Func<string> build) => new("alg", name, reason, build);

    private static HostileCase K(string name, R reason, Func<string> build, int maxRequests = 0) => new("kid", name, reason, build, Jwks: true, MaxJwksRequests: maxRequests);

    private static HostileCase H(string name, R reason, Func<string> build) => new("header", name, reason, build);

    private static HostileCase C(string name, R reason, Dictionary<string, object?> claims) => new("claims", name, reason, () => Sign(SessionHeader(), claims));

    private static HostileCase Z(string name, R reason, Func<string> build) => new("size", name, reason, build);

    private static HostileCase T(string name, R reason, Func<string> build) => new("tampering", name, reason, build);

    private static string Unsigned(string alg) => B64(Json(SessionHeader().With("alg", alg))) + "." + B64(Json(SessionClaims())) + ".";

    private static byte[] Bytes(string before, byte[] middle, string after) => [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    private static string PadB64(string segment) => segment + new string('=', (4 - segment.Length % 4) % 4 == 0 ? 1 : (4 - segment.Length % 4) % 4);

    /// <summary>A header whose standard base64 has '+' or '/', signed over that standard base64 text.</summary>
    private static string StdBase64Header()
    {
        for (var i = 0; ; i++)
        {
            var std = Convert.ToBase64String(Encoding.UTF8.GetBytes(Json(SessionHeader().With("x", new string('?', i) + ">>>")))).TrimEnd('=');
            if (std.Contains('+', StringComparison.Ordinal) || std.Contains('/', StringComparison.Ordinal))
            {
                return SignSegments(std, B64(Json(SessionClaims())), KeyA);
            }
        }
    }

    /// <summary>A header segment whose last character carries non-zero unused bits (decodes to the same bytes).</summary>
    private static string NonCanonicalHeader()
    {
        var header = Json(SessionHeader().With("x", "ab"));
        var segment = B64(header);
        while (segment.Length % 4 == 0)
        {
            header = header.Replace("\"ab\"", "\"abc\"", StringComparison.Ordinal);
            segment = B64(header);
        }
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var last = alphabet.IndexOf(segment[^1], StringComparison.Ordinal);
        var bumped = segment[..^1] + alphabet[last | 1];
        return SignSegments(bumped, B64(Json(SessionClaims())), KeyA);
    }

    private static string FlipInJson(string token, int segment, string marker)
    {
        var parts = token.Split('.');
        var bytes = FromB64(parts[segment]);
        var at = Encoding.UTF8.GetString(bytes).IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        bytes[at] ^= 0x01;
        parts[segment] = B64(bytes);
        return string.Join('.', parts);
    }

    private static string FlipSignature(string token)
    {
        var parts = token.Split('.');
        var bytes = FromB64(parts[2]);
        bytes[100] ^= 0x01;
        parts[2] = B64(bytes);
        return string.Join('.', parts);
    }

    private static string AttackerCertificate()
    {
        var request = new CertificateRequest("CN=attacker", KeyB, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(30));
        return Convert.ToBase64String(certificate.RawData);
    }
}
