using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>Every token of <see cref="HostileTokenCorpus"/> is rejected with its expected reason, and never echoed in the message.</summary>
[TestFixture]
public class HostileTokenTests
{
    public static IEnumerable<TestCaseData> Corpus() =>
        HostileTokenCorpus.Cases().Select(c => new TestCaseData(c).SetName($"Hostile [{c.Group}] {c.Name}"));

    [Test]
    public void Corpus_HasAtLeastSixtyCasesInEveryGroup()
    {
        var cases = HostileTokenCorpus.Cases().ToList();
        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(60));
        Assert.That(cases.Select(c => c.Group).Distinct(), Is.EquivalentTo(new[] { "structure", "alg", "kid", "header", "claims", "size", "tampering" }));
        Assert.That(cases.Select(c => c.ToString()).Distinct().Count(), Is.EqualTo(cases.Count), "case names are unique");
    }

    [TestCaseSource(nameof(Corpus))]
    public async Task HostileToken_IsRejectedWithExpectedReason(HostileCase hostile)
    {
        var token = hostile.Build();
        ClerkTokenException? error;
        if (hostile.Jwks)
        {
            using var instance = new JwksHarness();
            var verifier = instance.Verifier();
            await verifier.VerifySessionTokenAsync(HostileTokenCorpus.Valid());   // warms the cache: 1 request
            instance.Time.Advance(TimeSpan.FromMinutes(1));                        // past the refetch interval, within the TTL
            error = await CatchAsync(() => verifier.VerifySessionTokenAsync(token));
            await CatchAsync(() => verifier.VerifySessionTokenAsync(token));       // a second try is rate-limited: no new request
            Assert.That(instance.JwksRequests - 1, Is.EqualTo(hostile.MaxJwksRequests), "JWKS requests after the cache was warm");
            Assert.That(instance.OtherRequests, Is.Zero, "no request other than GET /v1/jwks (jku, x5u and the like are never fetched)");
        }
        else
        {
            error = await CatchAsync(() => PemVerifier().VerifySessionTokenAsync(token));
        }
        Assert.That(error, Is.Not.Null, "the token was accepted");
        Assert.That(error!.Reason, Is.EqualTo(hostile.Expected), error.Message);
        Assert.That(error.TokenType, Is.EqualTo(ClerkTokenType.SessionToken));
        AssertNoTokenContent(error.Message, token);
    }

    [Test]
    public async Task ExpAtNowMinus4Seconds_PassesWithFiveSecondSkew()
    {
        var claims = await PemVerifier().VerifySessionTokenAsync(Sign(SessionHeader(), SessionClaims().With("exp", NowSeconds - 4)));
        Assert.That(claims.Expiration, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(NowSeconds - 4)));
    }

    [Test]
    public async Task ClockSkew_IsSettable()
    {
        var token = Sign(SessionHeader(), SessionClaims().With("exp", NowSeconds - 20));
        var error = await CatchAsync(() => PemVerifier().VerifySessionTokenAsync(token));
        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.Expired));
        Assert.That(await PemVerifier(o => o.ClockSkew = TimeSpan.FromSeconds(30)).VerifySessionTokenAsync(token), Is.Not.Null);
        var strict = await CatchAsync(() => PemVerifier(o => o.ClockSkew = TimeSpan.Zero).VerifySessionTokenAsync(Sign(SessionHeader(), SessionClaims().With("nbf", NowSeconds + 1))));
        Assert.That(strict?.Reason, Is.EqualTo(ClerkTokenFailureReason.NotYetValid));
    }

    [Test]
    public async Task FakeClock_DrivesExpiry()
    {
        var time = Clock();
        var verifier = PemVerifier(time: time);
        var token = HostileTokenCorpus.Valid();   // exp = now + 50 s
        Assert.That(await verifier.VerifySessionTokenAsync(token), Is.Not.Null);
        time.Advance(TimeSpan.FromSeconds(55));
        Assert.That((await CatchAsync(() => verifier.VerifySessionTokenAsync(token)))?.Reason, Is.EqualTo(ClerkTokenFailureReason.Expired));
    }

    [Test]
    public void SizeLimit_IsCheckedBeforeDecoding()
    {
        // Not even base64url: a decoder would call it malformed; the length check comes first.
        var error = Assert.ThrowsAsync<ClerkTokenException>(() => PemVerifier(o => o.MaxTokenLength = 100).VerifySessionTokenAsync(new string('!', 101)));
        Assert.That(error!.Reason, Is.EqualTo(ClerkTokenFailureReason.TokenTooLarge));
    }

    internal static async Task<ClerkTokenException?> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (ClerkTokenException ex)
        {
            return ex;
        }
    }

    internal static void AssertNoTokenContent(string message, string token)
    {
        foreach (var segment in token.Split('.').Where(s => s.Length >= 12))
        {
            Assert.That(message, Does.Not.Contain(segment[..12]), "the message echoes part of the token");
        }
    }
}
