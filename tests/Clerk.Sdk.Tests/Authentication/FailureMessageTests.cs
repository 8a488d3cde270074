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

        Support.ApprovedListing.Verify(lines, ApprovedPath);
    }
}
