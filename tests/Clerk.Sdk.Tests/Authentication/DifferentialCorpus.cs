using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>A generated token and the deliberate-difference classes it belongs to (empty: the two verifiers must agree).</summary>
internal sealed record DiffToken(string Id, string Token, IReadOnlyList<string> Stricter);

/// <summary>
/// The shared corpus of the differential test: systematic cases (each stricter class once on an otherwise valid token,
/// a time grid around the skew boundaries, the usual attacks) and seeded random combinations of claim and header
/// mutations. Keys are RSA 2048 with e = 65537, the only kind @clerk/backend's jwtKey path reads.
/// </summary>
internal static class DifferentialCorpus
{
    // Deliberate difference classes: our verifier rejects, @clerk/backend's verifyToken accepts.
    public const string PendingSession = "pending-session";
    public const string InactiveSession = "inactive-session";
    public const string MachineSubject = "machine-subject-on-session-path";
    public const string UnknownCategory = "unknown-category";
    public const string EmptySubject = "empty-subject";
    public const string InvalidUtf8 = "invalid-utf8";
    public const string DuplicateMembers = "duplicate-json-members";
    public const string DeepJson = "json-deeper-than-64";
    public const string PaddedBase64 = "padded-base64url";
    public const string KidShape = "kid-not-a-short-string";
    public const string Critical = "crit-header";
    public const string UnreadableOrgClaims = "unreadable-org-claims";

    /// <summary>Each class and why the stricter behaviour is intended.</summary>
    public static readonly IReadOnlyDictionary<string, string> StricterClasses = new Dictionary<string, string>
    {
        [PendingSession] = "sts: pending is reported as SessionPending; Clerk's verifyToken ignores sts, its authenticateRequest treats pending as signed out by default",
        [InactiveSession] = "sts other than active/pending is SessionNotActive; verifyToken ignores sts",
        [MachineSubject] = "sub mch_ is an M2M JWT: WrongTokenType on the session path (authenticateRequest reports token-type mismatch; verifyToken does not look)",
        [UnknownCategory] = "a cat header that is not the session or neutral category is WrongTokenType (authenticateRequest's isNonSessionJwtCategory; verifyToken only rejects the M2M category)",
        [EmptySubject] = "sub \"\" identifies no user; verifyToken only checks that sub is a string",
        [InvalidUtf8] = "header/payload must be UTF-8 (RFC 7519 §7.2); JS TextDecoder silently substitutes U+FFFD",
        [DuplicateMembers] = "duplicate JSON member names are rejected (RFC 7515 §5.2 allows it; parser differentials, RFC 8725 §3.1); JS keeps the last",
        [DeepJson] = "JSON nested deeper than 64 levels is refused (parser resource limit); JS parses any depth",
        [PaddedBase64] = "base64url with '=' padding is not a JWS segment (RFC 7515 §2); JS decodes it loosely",
        [KidShape] = "kid must be a string of 1..256 characters (RFC 7515 §4.1.4); with jwtKey JS ignores it",
        [Critical] = "crit extensions are not understood, so the token must be rejected (RFC 7515 §4.1.11); JS ignores crit",
        [UnreadableOrgClaims] = "v2 fea/per/fpm that Clerk's own claims parser throws on are InvalidClaim at verification",
    };

    public static List<DiffToken> SessionTokens()
    {
        var list = new List<DiffToken>();
        void Add(string id, string token, params string[] stricter) => list.Add(new DiffToken(id, token, stricter));
        var h = SessionHeader();
        var c = BaseClaims(0);

        // Valid variants.
        Add("valid-v2", Sign(h, c));
        Add("valid-v2-org", Sign(h, BaseClaims(1)));
        Add("valid-v1-org", Sign(h, BaseClaims(2)));
        Add("valid-actor", Sign(h, BaseClaims(3)));
        Add("valid-no-typ", Sign(h.Without("typ"), c));
        Add("valid-no-kid", Sign(h.Without("kid"), c));
        Add("valid-session-cat", Sign(h.With("cat", "cl_B7d4PD111AAA"), c));
        Add("valid-neutral-cat", Sign(h.With("cat", "cl_I7d4PD111III"), c));
        Add("valid-sts-null", Sign(h, c.With("sts", null)));
        Add("valid-jku-ignored", Sign(h.With("jku", "https://evil.example/jwks"), c));

        // One of each stricter class on an otherwise valid token.
        Add("stricter-pending", Sign(h, c.With("sts", "pending")), PendingSession);
        Add("stricter-sts-revoked", Sign(h, c.With("sts", "revoked")), InactiveSession);
        Add("stricter-mch-subject", Sign(h, c.With("sub", "mch_2xyz")), MachineSubject);
        Add("stricter-unknown-cat", Sign(h.With("cat", "cl_SOMETHING"), c), UnknownCategory);
        Add("stricter-empty-sub", Sign(h, c.With("sub", "")), EmptySubject);
        Add("stricter-utf8-payload", SignBytes(Encoding.UTF8.GetBytes(Json(h)), Utf8Broken(c)), InvalidUtf8);
        Add("stricter-dup-sub", SignJson(Json(h), "{\"sub\":\"user_admin\"," + Json(c)[1..]), DuplicateMembers);
        Add("stricter-dup-alg", SignJson("{\"alg\":\"none\"," + Json(h)[1..], Json(c)), DuplicateMembers);
        Add("stricter-deep", SignJson(Json(h), "{\"deep\":" + new string('[', 200) + new string(']', 200) + "," + Json(c)[1..]), DeepJson);
        Add("stricter-padded", Padded(h, c), PaddedBase64);
        Add("stricter-kid-number", Sign(h.With("kid", 12), c), KidShape);
        Add("stricter-kid-empty", Sign(h.With("kid", ""), c), KidShape);
        Add("stricter-kid-long", Sign(h.With("kid", new string('k', 300)), c), KidShape);
        Add("stricter-crit", Sign(h.With("crit", new[] { "exp" }), c), Critical);
        Add("stricter-fea-no-scope", Sign(h, BaseClaims(1).With("fea", "invoices")), UnreadableOrgClaims);

        // The usual attacks (both must reject).
        Add("alg-none", B64(Json(h.With("alg", "none"))) + "." + B64(Json(c)) + ".");
        Add("alg-none-signed", Sign(h.With("alg", "none"), c));
        Add("alg-hs256-pem", SignHmacWithPem(h.With("alg", "HS256"), c));
        Add("alg-rs384", Sign(h.With("alg", "RS384"), c, KeyA, "RS384"));
        Add("alg-ps256", Sign(h.With("alg", "PS256"), c, KeyA, "PS256"));
        Add("alg-missing", Sign(h.Without("alg"), c));
        Add("other-key", Sign(h, c, KeyB));
        Add("typ-at-jwt", Sign(h.With("typ", "at+jwt"), c));
        Add("typ-lower", Sign(h.With("typ", "jwt"), c));
        Add("typ-null", Sign(h.With("typ", null), c));
        Add("m2m-cat", Sign(h.With("cat", "cl_B7d4PD333AAA"), c));
        Add("header-null", SignJson("null", Json(c)));
        Add("header-array", SignJson("[]", Json(c)));
        Add("payload-null", SignJson(Json(h), "null"));
        Add("payload-number", SignJson(Json(h), "42"));
        Add("two-segments", string.Join('.', Sign(h, c).Split('.').Take(2)));
        Add("four-segments", Sign(h, c) + ".e30");
        Add("empty", "");
        Add("sig-empty", string.Join('.', Sign(h, c).Split('.').Take(2)) + ".");
        Add("sig-flipped", Flip(Sign(h, c), 2, 40));
        Add("payload-flipped", Flip(Sign(h, c), 1, 12));
        Add("sig-truncated", Truncate(Sign(h, c)));
        Add("std-base64-sig", Sign(h, c).Replace('-', '+').Replace('_', '/'));
        Add("sub-missing", Sign(h, c.Without("sub")));
        Add("sub-number", Sign(h, c.With("sub", 7)));
        Add("azp-missing", Sign(h, c.Without("azp")));
        Add("azp-other", Sign(h, c.With("azp", "https://evil.example")));
        Add("azp-empty", Sign(h, c.With("azp", "")));
        Add("iss-other", Sign(h, c.With("iss", "https://clerk.evil.example")));
        Add("iss-http", Sign(h, c.With("iss", "http://clerk.example.com")));
        Add("iss-missing", Sign(h, c.Without("iss")));
        Add("iss-number", Sign(h, c.With("iss", 1)));
        Add("exp-missing", Sign(h, c.Without("exp")));
        Add("exp-string", Sign(h, c.With("exp", (NowSeconds + 60).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Add("nbf-string", Sign(h, c.With("nbf", "1")));

        // Time grid around the 5 s skew (now is 500 ms past a second).
        for (var d = -8; d <= 3; d++)
        {
            Add($"exp{d:+0;-0}", Sign(h, c.With("exp", NowSeconds + d).With("iat", NowSeconds - 30).With("nbf", NowSeconds - 30)));
        }
        for (var d = -2; d <= 8; d++)
        {
            Add($"nbf{d:+0;-0}", Sign(h, c.With("nbf", NowSeconds + d)));
            Add($"iat{d:+0;-0}", Sign(h, c.With("iat", NowSeconds + d)));
        }
        foreach (var fraction in new[] { -5.9, -4.5, -4.1, 5.4, 5.6 })
        {
            Add($"exp-fraction{fraction}", Sign(h, c.With("exp", NowSeconds + fraction).With("iat", NowSeconds - 30).With("nbf", NowSeconds - 30)));
            Add($"nbf-fraction{fraction}", Sign(h, c.With("nbf", NowSeconds + fraction)));
        }

        // Seeded random combinations.
        var random = new Random(20260302);
        for (var i = 0; i < 200; i++)
        {
            list.Add(RandomToken(random, i));
        }
        return list;
    }

    public static List<DiffToken> MachineTokens()
    {
        var list = new List<DiffToken>();
        void Add(string id, string token, params string[] stricter) => list.Add(new DiffToken(id, token, stricter));
        var m2m = new Dictionary<string, object?> { ["jti"] = "mt_2abc", ["sub"] = "mch_2abc", ["iat"] = NowSeconds - 10, ["exp"] = NowSeconds + 3600, ["scopes"] = "mch_other mch_third" };
        var oauth = new Dictionary<string, object?> { ["jti"] = "oat_2abc", ["sub"] = "user_2abc", ["client_id"] = "client_2abc", ["iat"] = NowSeconds - 10, ["exp"] = NowSeconds + 3600, ["scp"] = new[] { "read", "write" } };
        var jwt = new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = "JWT" };
        var at = jwt.With("typ", "at+jwt");

        Add("m2m-valid", Sign(jwt, m2m));
        Add("m2m-valid-cat", Sign(jwt.With("cat", "cl_B7d4PD333AAA"), m2m));
        Add("m2m-valid-no-typ", Sign(jwt.Without("typ"), m2m));
        Add("m2m-session-cat", Sign(jwt.With("cat", "cl_B7d4PD111AAA"), m2m));
        Add("m2m-typ-at", Sign(at, m2m));
        Add("m2m-expired", Sign(jwt, m2m.With("exp", NowSeconds - 6)));
        Add("m2m-exp-skew", Sign(jwt, m2m.With("exp", NowSeconds - 4)));
        Add("m2m-nbf-future", Sign(jwt, m2m.With("nbf", NowSeconds + 60)));
        Add("m2m-iat-future", Sign(jwt, m2m.With("iat", NowSeconds + 60)));
        Add("m2m-no-exp", Sign(jwt, m2m.Without("exp")));
        Add("m2m-other-key", Sign(jwt, m2m, KeyB));
        Add("m2m-alg-none", B64(Json(jwt.With("alg", "none"))) + "." + B64(Json(m2m)) + ".");
        Add("m2m-hs256", SignHmacWithPem(jwt.With("alg", "HS256"), m2m));
        Add("m2m-sig-flipped", Flip(Sign(jwt, m2m), 2, 30));
        Add("m2m-crit", Sign(jwt.With("crit", new[] { "x" }), m2m), Critical);
        Add("oauth-valid", Sign(at, oauth));
        Add("oauth-valid-app-type", Sign(jwt.With("typ", "application/at+jwt"), oauth));
        Add("oauth-scope-string", Sign(at, oauth.Without("scp").With("scope", "read write")));
        Add("oauth-expired", Sign(at, oauth.With("exp", NowSeconds - 6)));
        Add("oauth-exp-skew", Sign(at, oauth.With("exp", NowSeconds - 4)));
        Add("oauth-no-sub", Sign(at, oauth.Without("sub")));
        Add("oauth-empty-sub", Sign(at, oauth.With("sub", "")), EmptySubject);
        Add("oauth-other-key", Sign(at, oauth, KeyB));
        Add("oauth-rs384", Sign(at.With("alg", "RS384"), oauth, KeyA, "RS384"));
        Add("oauth-payload-flipped", Flip(Sign(at, oauth), 1, 10));
        Add("oauth-nbf-future", Sign(at, oauth.With("nbf", NowSeconds + 30)));
        Add("session-shaped", Sign(jwt, SessionClaims()));
        Add("session-shaped-no-typ", Sign(jwt.Without("typ"), SessionClaims()));
        Add("malformed", "abc.def");
        return list;
    }

    /// <summary>Generated session claims for the organization derivation comparison (v2 compact, v1, none).</summary>
    public static List<(string Id, Dictionary<string, object?> Claims)> OrganizationClaims()
    {
        var random = new Random(424242);
        var list = new List<(string, Dictionary<string, object?>)>();
        string[] featurePool = ["invoices", "reports", "audit", "sso", "billing", "export", "api_keys", "teams"];
        string[] permissionPool = ["read", "manage", "delete", "create", "export", "sys_memberships:read", "approve"];
        string[] scopes = ["o", "u", "ou", "uo", "x"];
        for (var i = 0; i < 300; i++)
        {
            var claims = new Dictionary<string, object?> { ["sub"] = "user_" + i, ["sid"] = "sess_" + i };
            if (random.Next(4) == 0) claims["sts"] = random.Next(2) == 0 ? "active" : "pending";
            if (random.Next(3) == 0) claims["fva"] = new[] { random.Next(-1, 30), random.Next(-1, 30) };
            if (random.Next(6) == 0) claims["act"] = new { sub = "user_admin_" + i };
            var kind = random.Next(10);
            if (kind < 7)
            {
                claims["v"] = 2;
                if (random.Next(8) != 0)
                {
                    var perCount = random.Next(0, permissionPool.Length + 1);
                    var per = permissionPool.OrderBy(_ => random.Next()).Take(perCount).Select(p => random.Next(10) == 0 ? " " + p : p).ToArray();
                    var featureCount = random.Next(0, 6);
                    var features = Enumerable.Range(0, featureCount).Select(_ => scopes[random.Next(scopes.Length)] + ":" + featurePool[random.Next(featurePool.Length)]).ToList();
                    var bitmaps = Enumerable.Range(0, random.Next(0, featureCount + 2)).Select(_ => RandomBitmap(random, perCount)).ToArray();
                    var o = new Dictionary<string, object?> { ["id"] = "org_" + i };
                    if (random.Next(5) != 0) o["slg"] = "slug-" + i;
                    var roll = random.Next(6);
                    if (roll > 0) o["rol"] = roll == 1 ? "" : new[] { "admin", "member", "billing:manager", "custom_role" }[random.Next(4)];
                    if (random.Next(8) != 0) o["per"] = string.Join(',', per);
                    if (random.Next(8) != 0) o["fpm"] = string.Join(',', bitmaps);
                    claims["o"] = o;
                    if (random.Next(8) != 0) claims["fea"] = string.Join(random.Next(5) == 0 ? ", " : ",", features);
                    if (random.Next(25) == 0) claims["fea"] = "invoices,o:reports";   // no scope: Clerk's parser throws
                }
                else if (random.Next(2) == 0)
                {
                    claims["fea"] = "o:invoices,u:export";
                }
            }
            else if (kind < 9)
            {
                if (random.Next(2) == 0) claims["v"] = 1;
                if (random.Next(5) != 0) claims["org_id"] = "org_v1_" + i;
                if (random.Next(3) != 0) claims["org_slug"] = "v1-" + i;
                if (random.Next(3) != 0) claims["org_role"] = "org:" + new[] { "admin", "member" }[random.Next(2)];
                if (random.Next(3) != 0) claims["org_permissions"] = permissionPool.Take(random.Next(4)).Select(p => "org:feature:" + p).ToArray();
            }
            list.Add(($"claims-{i}", claims));
        }
        return list;
    }

    private static string RandomBitmap(Random random, int permissionCount)
    {
        return random.Next(12) switch
        {
            0 => "0",
            1 => "abc",
            2 => "",
            3 => " " + random.Next(0, 1 << Math.Min(permissionCount + 1, 20)) + " ",
            4 => (BigInteger.One << (70 + random.Next(10))).ToString() ,   // beyond 2^64: Clerk's parser is arbitrary precision
            5 => "-3",
            _ => random.Next(0, 1 << Math.Min(permissionCount + 2, 20)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>0: plain v2; 1: v2 with an organization; 2: v1 with org_*; 3: actor (impersonation).</summary>
    private static Dictionary<string, object?> BaseClaims(int variant)
    {
        var c = SessionClaims();
        return variant switch
        {
            1 => c.With("o", new { id = "org_2acme", slg = "acme", rol = "admin", per = "read,manage", fpm = "3,1" }).With("fea", "o:invoices,u:export,ou:reports"),
            2 => c.Without("v").With("org_id", "org_1").With("org_role", "org:member").With("org_slug", "one").With("org_permissions", new[] { "org:x:read" }),
            3 => c.With("act", new { sub = "user_admin", iss = "https://dashboard.clerk.com" }),
            _ => c,
        };
    }

    private static DiffToken RandomToken(Random random, int index)
    {
        var stricter = new List<string>();
        var claims = BaseClaims(random.Next(4));
        int Pick(params int[] weights)
        {
            var roll = random.Next(weights.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                if (roll < weights[i]) return i;
                roll -= weights[i];
            }
            return 0;
        }
        switch (Pick(80, 5, 5, 5, 5))
        {
            case 0: claims["exp"] = NowSeconds + random.Next(-12, 30); break;
            case 1: claims.Remove("exp"); break;
            case 2: claims["exp"] = "soon"; break;
            case 3: claims["exp"] = NowSeconds + random.Next(-8, 8) + 0.25 * random.Next(4); break;
            default: claims["exp"] = NowSeconds - random.Next(1000, 100000); break;
        }
        switch (Pick(30, 60, 10)) { case 0: claims.Remove("nbf"); break; case 1: claims["nbf"] = NowSeconds + random.Next(-12, 9); break; default: claims["nbf"] = NowSeconds + random.Next(5, 7); break; }
        switch (Pick(20, 70, 10)) { case 0: claims.Remove("iat"); break; case 1: claims["iat"] = NowSeconds + random.Next(-12, 9); break; default: claims["iat"] = NowSeconds + random.Next(5, 7); break; }
        switch (Pick(60, 15, 15, 5, 5))
        {
            case 1: claims["azp"] = "https://evil.example"; break;
            case 2: claims.Remove("azp"); break;
            case 3: claims["azp"] = ""; break;
            case 4: claims["azp"] = Party + "/"; break;
        }
        switch (Pick(75, 10, 5, 5, 5))
        {
            case 1: claims["iss"] = "https://clerk.other.example"; break;
            case 2: claims["iss"] = "http://clerk.example.com"; break;
            case 3: claims.Remove("iss"); break;
            case 4: claims["iss"] = 5; break;
        }
        switch (Pick(85, 5, 3, 3, 4))
        {
            case 1: claims.Remove("sub"); break;
            case 2: claims["sub"] = ""; stricter.Add(EmptySubject); break;
            case 3: claims["sub"] = 12; break;
            case 4: claims["sub"] = "mch_" + index; stricter.Add(MachineSubject); break;
        }
        switch (Pick(60, 20, 12, 3, 5))
        {
            case 1: claims.Remove("sts"); break;
            case 2: claims["sts"] = "pending"; stricter.Add(PendingSession); break;
            case 3: claims["sts"] = "expired"; stricter.Add(InactiveSession); break;
            case 4: claims["sts"] = null; break;
        }
        var header = SessionHeader();
        switch (Pick(60, 25, 5, 5, 5))
        {
            case 1: header.Remove("typ"); break;
            case 2: header["typ"] = "jwt"; break;
            case 3: header["typ"] = "at+jwt"; break;
            case 4: header["typ"] = null; break;
        }
        switch (Pick(80, 15, 3, 2))
        {
            case 1: header.Remove("kid"); break;
            case 2: header["kid"] = 99; stricter.Add(KidShape); break;
            case 3: header["kid"] = ""; stricter.Add(KidShape); break;
        }
        switch (Pick(85, 5, 5, 5))
        {
            case 1: header["cat"] = "cl_B7d4PD111AAA"; break;
            case 2: header["cat"] = "cl_B7d4PD333AAA"; break;
            case 3: header["cat"] = "cl_X" + index; stricter.Add(UnknownCategory); break;
        }
        if (random.Next(50) == 0)
        {
            header["crit"] = new[] { "exp" };
            stricter.Add(Critical);
        }
        string token;
        switch (Pick(85, 5, 3, 3, 2, 2))
        {
            case 1: token = Sign(header, claims, KeyB); break;
            case 2: header["alg"] = "RS384"; token = Sign(header, claims, KeyA, "RS384"); break;
            case 3: header["alg"] = "none"; token = B64(Json(header)) + "." + B64(Json(claims)) + "."; break;
            case 4: header["alg"] = "HS256"; token = SignHmacWithPem(header, claims); break;
            case 5: header["alg"] = "PS256"; token = Sign(header, claims, KeyA, "PS256"); break;
            default: token = Sign(header, claims); break;
        }
        switch (Pick(88, 4, 4, 4))
        {
            case 1: token = Flip(token, 2, 17); break;
            case 2: token = Flip(token, 1, 5); break;
            case 3: token = Truncate(token); break;
        }
        return new DiffToken($"random-{index}", token, stricter);
    }

    private static byte[] Utf8Broken(Dictionary<string, object?> claims) =>
        [.. Encoding.UTF8.GetBytes("{\"name\":\"caf"), 0xE9, .. Encoding.UTF8.GetBytes("\"," + Json(claims)[1..])];

    private static string Padded(Dictionary<string, object?> header, Dictionary<string, object?> claims)
    {
        // Grow a claim until the payload's base64url needs padding, then sign the padded text as sent.
        for (var i = 0; ; i++)
        {
            var payload = B64(Json(claims.With("pad", new string('x', i))));
            if (payload.Length % 4 != 0)
            {
                return SignSegments(B64(Json(header)), payload + new string('=', 4 - payload.Length % 4), KeyA);
            }
        }
    }

    private static string Flip(string token, int segment, int index)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[segment].Length == 0)
        {
            return token;
        }
        var bytes = FromB64(parts[segment]);
        bytes[Math.Min(index, bytes.Length - 1)] ^= 0x02;
        parts[segment] = B64(bytes);
        return string.Join('.', parts);
    }

    private static string Truncate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[2].Length < 20)
        {
            return token;
        }
        parts[2] = B64(FromB64(parts[2])[..^8]);
        return string.Join('.', parts);
    }
}
