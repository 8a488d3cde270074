using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.Sdk.TestKit;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// The message of every refusal is what a developer reads in the logs, so it is reviewed like the public API: each
/// hostile token of <see cref="HostileTokenCorpus"/> and each verifier setting that cannot work, with the reason and the
/// message it gets, is listed in <c>failure-messages.approved.txt</c> beside this file. A change fails here and writes
/// <c>failure-messages.received.txt</c>; approve it by renaming the file.
/// </summary>
public class FailureMessageTests
{
    private static string ApprovedPath => Path.Combine(RepoPaths.Root, "tests", "Clerk.Sdk.Tests", "Authentication", "failure-messages.approved.txt");

    /// <summary>Settings that cannot work, and those just inside the limits (which must be accepted).</summary>
    private static IEnumerable<(string Name, Action<ClerkTokenVerifierOptions> Configure)> Settings()
    {
        yield return ("clock skew over 10 minutes", o => o.ClockSkew = TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(1));
        yield return ("clock skew of exactly 10 minutes", o => o.ClockSkew = TimeSpan.FromMinutes(10));
        yield return ("negative clock skew", o => o.ClockSkew = TimeSpan.FromTicks(-1));
        yield return ("JWKS cache duration zero", o => o.JwksCacheDuration = TimeSpan.Zero);
        yield return ("JWKS refetch interval negative", o => o.JwksRefetchInterval = TimeSpan.FromTicks(-1));
        yield return ("JWKS refetch interval zero", o => o.JwksRefetchInterval = TimeSpan.Zero);
        yield return ("max token length zero", o => o.MaxTokenLength = 0);
        yield return ("max token length one", o => o.MaxTokenLength = 1);
        yield return ("an empty authorized party", o => o.AuthorizedParties = ["https://app.example.com", " "]);
        yield return ("a machine secret key that is a secret key", o => o.MachineSecretKey = "sk_test_abc");
        yield return ("no algorithm", o => o.AllowedAlgorithms = []);
        yield return ("HMAC", o => o.AllowedAlgorithms = ["RS256", "HS256"]);
        yield return ("none", o => o.AllowedAlgorithms = ["none"]);
        yield return ("a satellite without a domain or proxy", o => { o.IsSatellite = true; o.PublishableKey = FuzzTargetsKey; });
        yield return ("a development satellite without a sign-in URL", o => { o.IsSatellite = true; o.Domain = "satellite.example.com"; o.PublishableKey = FuzzTargetsKey; });
        yield return ("a development satellite with a relative sign-in URL", o => { o.IsSatellite = true; o.Domain = "satellite.example.com"; o.PublishableKey = FuzzTargetsKey; o.SignInUrl = "/sign-in"; });
        yield return ("a development satellite with an absolute sign-in URL", o => { o.IsSatellite = true; o.Domain = "satellite.example.com"; o.PublishableKey = FuzzTargetsKey; o.SignInUrl = "https://primary.example.com/sign-in"; });
        yield return ("a satellite behind a proxy", o => { o.IsSatellite = true; o.ProxyUrl = "/__clerk"; o.PublishableKey = FuzzTargetsKey; o.SignInUrl = "https://primary.example.com/sign-in"; });
        yield return ("a proxy URL that is neither absolute nor a path", o => o.ProxyUrl = "proxy.example.com/__clerk");
        yield return ("a proxy path", o => o.ProxyUrl = "/__clerk");
        yield return ("an absolute proxy URL", o => o.ProxyUrl = "https://app.example.com/__clerk");
        yield return ("a proxy URL of another scheme", o => o.ProxyUrl = "ftp://app.example.com/__clerk");
        yield return ("a publishable key that is not one", o => o.PublishableKey = "pk_test_bm90LWEta2V5");
        yield return ("an http issuer", o => o.Issuer = "http://clerk.example.com");
        yield return ("a relative issuer", o => o.Issuer = "clerk.example.com");
    }

    private static string FuzzTargetsKey => Clerk.PublishableKey.FromFrontendApiHost("clerk.example.com").Value;

    [Test]
    public async Task EveryRefusal_HasItsApprovedMessage()
    {
        var lines = new List<string> { "# Hostile session tokens (HostileTokenCorpus): group: case -> reason: message" };
        foreach (var hostile in HostileTokenCorpus.Cases())
        {
            var token = hostile.Build();
            ClerkTokenException? error;
            if (hostile.Jwks)
            {
                using var instance = new JwksHarness();
                var verifier = instance.Verifier();
                await verifier.VerifySessionTokenAsync(HostileTokenCorpus.Valid());
                instance.Time.Advance(TimeSpan.FromMinutes(1));
                error = await HostileTokenTests.CatchAsync(() => verifier.VerifySessionTokenAsync(token));
            }
            else
            {
                error = await HostileTokenTests.CatchAsync(() => PemVerifier().VerifySessionTokenAsync(token));
            }
            lines.Add($"{hostile} -> {(error is null ? "ACCEPTED" : $"{error.Reason}: {error.Message}")}");
        }

        lines.Add("");
        lines.Add("# Verifier settings: setting -> accepted, or the configuration error");
        foreach (var (name, configure) in Settings())
        {
            string outcome;
            try
            {
                _ = PemVerifier(configure);
                outcome = "accepted";
            }
            catch (ClerkConfigurationException ex)
            {
                outcome = ex.Message;
            }
            lines.Add($"{name} -> {outcome}");
        }
        try
        {
            _ = new ClerkTokenVerifier(new ClerkTokenVerifierOptions());
            lines.Add("neither a JWT key nor a client -> accepted");
        }
        catch (ClerkConfigurationException ex)
        {
            lines.Add($"neither a JWT key nor a client -> {ex.Message}");
        }

        lines.Add("");
        lines.Add("# Machine tokens (VerifyMachineTokenAsync, a verifier without a ClerkClient): case (accepted kinds) -> reason: message");
        foreach (var (name, accepted, token, configure) in MachineCases())
        {
            string outcome;
            try
            {
                var auth = await PemVerifier(configure).VerifyMachineTokenAsync(token, accepted);
                outcome = $"ACCEPTED {auth.TokenType} {auth.Id}";
            }
            catch (ClerkTokenException ex)
            {
                outcome = $"{ex.TokenType}, {ex.Reason}: {ex.Message}";
            }
            catch (ClerkConfigurationException ex)
            {
                outcome = $"configuration: {ex.Message}";
            }
            lines.Add($"{name} ({accepted}) -> {outcome}");
        }

        Support.ApprovedListing.Verify(lines, ApprovedPath);
    }

    private static IEnumerable<(string Name, ClerkTokenTypes Accepted, string Token, Action<ClerkTokenVerifierOptions>? Configure)> MachineCases()
    {
        var m2mHeader = new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = "JWT", ["cat"] = "cl_B7d4PD333AAA" };
        var m2mClaims = new Dictionary<string, object?> { ["sub"] = "mch_2xyz", ["iat"] = NowSeconds - 10, ["nbf"] = NowSeconds - 10, ["exp"] = NowSeconds + 600, ["jti"] = "mt_2jwt", ["iss"] = Issuer };
        var oauthHeader = new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = "at+jwt" };
        var oauthClaims = new Dictionary<string, object?> { ["sub"] = "user_2xyz", ["client_id"] = "client_2x", ["iat"] = NowSeconds - 10, ["exp"] = NowSeconds + 600, ["jti"] = "oat_2jwt", ["iss"] = Issuer };
        const ClerkTokenTypes any = ClerkTokenTypes.Any;
        Action<ClerkTokenVerifierOptions> small = o => o.MaxTokenLength = 64;
        yield return ("empty", any, "", null);
        yield return ("one character over the limit of 64", any, "ak_" + new string('x', 62), small);
        yield return ("exactly the limit of 64", any, "ak_" + new string('x', 61), small);
        yield return ("a session token", any, Sign(SessionHeader(), SessionClaims()), null);
        yield return ("not a token", any, "xx_not-a-token", null);
        yield return ("an opaque M2M token where only API keys are", ClerkTokenTypes.ApiKey, "mt_2xyz", null);
        yield return ("an opaque OAuth token where only M2M tokens are", ClerkTokenTypes.M2MToken, "oat_2xyz", null);
        yield return ("an M2M JWT", any, Sign(m2mHeader, m2mClaims), null);
        yield return ("an M2M JWT where only OAuth tokens are", ClerkTokenTypes.OAuthToken, Sign(m2mHeader, m2mClaims), null);
        yield return ("an M2M JWT of typ at+jwt", any, Sign(m2mHeader.With("typ", "at+jwt"), m2mClaims), null);
        yield return ("an M2M JWT with a session token's cat", any, Sign(m2mHeader.With("cat", "cl_B7d4PD111AAA"), m2mClaims), null);
        yield return ("an M2M JWT without cat", any, Sign(m2mHeader.Without("cat"), m2mClaims), null);
        yield return ("an M2M JWT of alg HS256", any, SignHmacWithPem(m2mHeader.With("alg", "HS256"), m2mClaims), null);
        yield return ("an M2M JWT of alg ES256 for the RSA key", any, SignEc(m2mHeader.With("alg", "ES256"), m2mClaims), null);
        yield return ("an M2M JWT of alg ES256 for the RSA key, ES256 allowed", any, SignEc(m2mHeader.With("alg", "ES256"), m2mClaims), o => o.AllowedAlgorithms = ["RS256", "ES256"]);
        yield return ("an M2M JWT of alg PS256 for the RSA key, PS256 allowed", any, Sign(m2mHeader.With("alg", "PS256"), m2mClaims, alg: "PS256"), o => o.AllowedAlgorithms = ["RS256", "PS256"]);
        yield return ("an M2M JWT with a kid of 256 characters", any, Sign(m2mHeader.With("kid", new string('k', 256)), m2mClaims), null);
        yield return ("an M2M JWT with a kid of 257 characters", any, Sign(m2mHeader.With("kid", new string('k', 257)), m2mClaims), null);
        yield return ("an M2M JWT with a crit header", any, Sign(m2mHeader.With("crit", new[] { "x" }), m2mClaims), null);
        yield return ("an M2M JWT signed with another key", any, Sign(m2mHeader, m2mClaims, KeyB), null);
        yield return ("an expired M2M JWT", any, Sign(m2mHeader, m2mClaims.With("exp", NowSeconds - 60)), null);
        yield return ("an M2M JWT for another audience", any, Sign(m2mHeader, m2mClaims.With("aud", "https://other.example.com")), o => o.Audience.Add("https://api.example.com"));
        yield return ("an OAuth JWT", any, Sign(oauthHeader, oauthClaims), null);
        yield return ("an OAuth JWT of typ application/at+jwt", any, Sign(oauthHeader.With("typ", "application/at+jwt"), oauthClaims), null);
        yield return ("an OAuth JWT for another audience", any, Sign(oauthHeader, oauthClaims.With("aud", "https://other.example.com")), o => o.Audience.Add("https://api.example.com"));
        yield return ("an OAuth JWT for this audience", any, Sign(oauthHeader, oauthClaims.With("aud", new[] { "https://other.example.com", "https://api.example.com" })), o => o.Audience.Add("https://api.example.com"));
        yield return ("an M2M JWT of alg HS256, RS256 and ES256 allowed", any, SignHmacWithPem(m2mHeader.With("alg", "HS256"), m2mClaims), o => o.AllowedAlgorithms = ["RS256", "ES256"]);
        yield return ("an OAuth JWT whose aud list holds a number and this audience", any, Sign(oauthHeader, oauthClaims.With("aud", new object[] { 5, "https://api.example.com" })), o => o.Audience.Add("https://api.example.com"));
        yield return ("an OAuth JWT whose aud list holds only an empty string", any, Sign(oauthHeader, oauthClaims.With("aud", new[] { "" })), o => o.Audience.Add("https://api.example.com"));
        yield return ("an OAuth JWT with an empty aud list", any, Sign(oauthHeader, oauthClaims.With("aud", Array.Empty<string>())), o => o.Audience.Add("https://api.example.com"));
        yield return ("an OAuth JWT without sub", any, Sign(oauthHeader, oauthClaims.Without("sub")), null);
        yield return ("an opaque API key", any, "ak_2xyz", null);
        yield return ("an opaque M2M token", any, "mt_2xyz", null);
        yield return ("an opaque OAuth token", any, "oat_2xyz", null);
    }
}
