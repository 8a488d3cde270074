using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>The JWKS cache: per instance, TTL on a fake clock, rotation, rate-limited refetch, single-flight, failures.</summary>
[TestFixture]
public class JwksCacheTests
{
    private static string TokenFor(string kid, System.Security.Cryptography.RSA key, string sub = "user_2xyzUSER") =>
        Sign(SessionHeader(kid), SessionClaims().With("sub", sub).With("exp", NowSeconds + 7200), key);

    [Test]
    public async Task Jwks_IsCachedForTheTtl_ThenFetchedAgain()
    {
        using var instance = new JwksHarness();
        var verifier = instance.Verifier();
        var token = TokenFor(KidA, KeyA);
        await verifier.VerifySessionTokenAsync(token);
        await verifier.VerifySessionTokenAsync(token);
        Assert.That(instance.JwksRequests, Is.EqualTo(1), "cold cache: one fetch, then cached");

        instance.Time.Advance(TimeSpan.FromMinutes(59));
        await verifier.VerifySessionTokenAsync(token);
        Assert.That(instance.JwksRequests, Is.EqualTo(1), "still within the 1 hour default");

        instance.Time.Advance(TimeSpan.FromMinutes(1));
        await verifier.VerifySessionTokenAsync(token);
        Assert.That(instance.JwksRequests, Is.EqualTo(2), "expired after 1 hour: fetched again");
    }

    [Test]
    public async Task CacheDuration_IsSettable()
    {
        using var instance = new JwksHarness();
        var verifier = instance.Verifier(o => o.JwksCacheDuration = TimeSpan.FromMinutes(5));
        var token = TokenFor(KidA, KeyA);
        await verifier.VerifySessionTokenAsync(token);
        instance.Time.Advance(TimeSpan.FromMinutes(5));
        await verifier.VerifySessionTokenAsync(token);
        Assert.That(instance.JwksRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task KeyRotation_NewKidCausesOneRefetch_AndRemovedKeysStopVerifying()
    {
        using var instance = new JwksHarness();
        var verifier = instance.Verifier();
        await verifier.VerifySessionTokenAsync(TokenFor(KidA, KeyA));

        // Clerk rotates: the new key is published, then tokens carry its kid.
        instance.JwksJson = JwksJson((KidB, KeyB));
        instance.Time.Advance(TimeSpan.FromMinutes(2));
        var claims = await verifier.VerifySessionTokenAsync(TokenFor(KidB, KeyB));
        Assert.That(claims.UserId, Is.EqualTo("user_2xyzUSER"));
        Assert.That(instance.JwksRequests, Is.EqualTo(2), "the unknown kid caused exactly one refetch");

        // The set was replaced: the old key no longer verifies, and asking again within the interval costs nothing.
        var error = await HostileTokenTests.CatchAsync(() => verifier.VerifySessionTokenAsync(TokenFor(KidA, KeyA)));
        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.UnknownKid));
        Assert.That(instance.JwksRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task UnknownKids_RefetchAtMostOncePerInterval()
    {
        using var instance = new JwksHarness();
        var verifier = instance.Verifier();
        await verifier.VerifySessionTokenAsync(TokenFor(KidA, KeyA));
        instance.Time.Advance(TimeSpan.FromMinutes(1));

        for (var i = 0; i < 50; i++)
        {
            var error = await HostileTokenTests.CatchAsync(() => verifier.VerifySessionTokenAsync(TokenFor("ins_made_up_" + i, KeyB)));
            Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.UnknownKid));
        }
        Assert.That(instance.JwksRequests, Is.EqualTo(2), "50 made-up kids: one refetch in the interval");

        instance.Time.Advance(TimeSpan.FromSeconds(29));
        await HostileTokenTests.CatchAsync(() => verifier.VerifySessionTokenAsync(TokenFor("ins_made_up_x", KeyB)));
        Assert.That(instance.JwksRequests, Is.EqualTo(2), "29 s later: still within the 30 s default");

        instance.Time.Advance(TimeSpan.FromSeconds(1));
        await HostileTokenTests.CatchAsync(() => verifier.VerifySessionTokenAsync(TokenFor("ins_made_up_y", KeyB)));
        Assert.That(instance.JwksRequests, Is.EqualTo(3), "after the interval: one more refetch");
        Assert.That(await verifier.VerifySessionTokenAsync(TokenFor(KidA, KeyA)), Is.Not.Null, "known kids keep verifying from the cache");
        Assert.That(instance.JwksRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task ColdCacheStampede_ThousandConcurrentVerifications_MakeOneRequest()
    {
        using var instance = new JwksHarness();
        instance.Hold();   // the JWKS response waits until every verification has started
        var verifier = instance.Verifier();
        var tokens = Enumerable.Range(0, 10).Select(i => TokenFor(KidA, KeyA, "user_" + i)).ToArray();
        var verifications = new Task<ClerkSessionClaims>[1000];
        Parallel.For(0, verifications.Length, i => verifications[i] = verifier.VerifySessionTokenAsync(tokens[i % tokens.Length]));

        await instance.RequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(verifications.Count(v => v.IsCompleted), Is.Zero, "all 1,000 are waiting for the one fetch");
        instance.Release();
        var results = await Task.WhenAll(verifications).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(results.Select(r => r.UserId).Distinct().Count(), Is.EqualTo(10));
        Assert.That(instance.JwksRequests, Is.EqualTo(1), "one JWKS request for 1,000 concurrent verifications on a cold cache");
    }

    [Test]
    public async Task TwoInstances_SameKid_TokensDoNotCrossOver()
    {
        // Both instances publish a key under the same kid; only the cache key (API URL + secret key) tells them apart.
        using var a = new JwksHarness();
        using var b = new JwksHarness();
        b.JwksJson = JwksJson((KidA, KeyB));
        var verifierA = a.Verifier();
        var verifierB = b.Verifier();
        var tokenOfA = TokenFor(KidA, KeyA);
        var tokenOfB = TokenFor(KidA, KeyB);

        Assert.That(await verifierA.VerifySessionTokenAsync(tokenOfA), Is.Not.Null);
        Assert.That(await verifierB.VerifySessionTokenAsync(tokenOfB), Is.Not.Null);
        Assert.That((await HostileTokenTests.CatchAsync(() => verifierB.VerifySessionTokenAsync(tokenOfA)))?.Reason, Is.EqualTo(ClerkTokenFailureReason.InvalidSignature), "A's token on B");
        Assert.That((await HostileTokenTests.CatchAsync(() => verifierA.VerifySessionTokenAsync(tokenOfB)))?.Reason, Is.EqualTo(ClerkTokenFailureReason.InvalidSignature), "B's token on A");
        Assert.That((a.JwksRequests, b.JwksRequests), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task SameSecretKey_DifferentApiUrl_IsAnotherInstance()
    {
        using var a = new JwksHarness();
        using var b = new JwksHarness(secretKey: a.SecretKey, apiUrl: "https://api.other-region.example");
        b.JwksJson = JwksJson((KidA, KeyB));
        await a.Verifier().VerifySessionTokenAsync(TokenFor(KidA, KeyA));
        var error = await HostileTokenTests.CatchAsync(() => b.Verifier().VerifySessionTokenAsync(TokenFor(KidA, KeyA)));
        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.InvalidSignature));
        Assert.That(b.JwksRequests, Is.EqualTo(1), "B fetched its own JWKS instead of using A's cache");
    }

    [Test]
    public async Task VerifiersOfOneInstance_ShareTheCache()
    {
        using var instance = new JwksHarness();
        await instance.Verifier().VerifySessionTokenAsync(TokenFor(KidA, KeyA));
        using var sameInstanceOtherClient = new ClerkClient(new ClerkClientOptions { SecretKey = instance.SecretKey, HttpMessageHandler = instance.Mock, TimeProvider = instance.Time });
        var second = new ClerkTokenVerifier(sameInstanceOtherClient, new ClerkTokenVerifierOptions { Issuer = Issuer });
        Assert.That(await second.VerifySessionTokenAsync(TokenFor(KidA, KeyA)), Is.Not.Null);
        Assert.That(instance.JwksRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task JwksFailure_IsKeysUnavailable_WithoutTheSecret_AndIsRetriedNextTime()
    {
        using var instance = new JwksHarness();
        instance.Status = HttpStatusCode.InternalServerError;
        var verifier = instance.Verifier();
        var error = await HostileTokenTests.CatchAsync(() => verifier.VerifySessionTokenAsync(TokenFor(KidA, KeyA)));
        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.KeysUnavailable));
        Assert.That(error!.ToString(), Does.Not.Contain(instance.SecretKey));
        Assert.That(error.InnerException, Is.InstanceOf<ClerkApiException>());
        Assert.That(error.Message, Is.EqualTo("The instance's JWKS could not be loaded from the Backend API (GET /jwks): ClerkApiException."));
        Assert.That(error.TokenType, Is.EqualTo(ClerkTokenType.SessionToken));

        instance.Status = HttpStatusCode.OK;
        Assert.That(await verifier.VerifySessionTokenAsync(TokenFor(KidA, KeyA)), Is.Not.Null);
        Assert.That(instance.JwksRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task JwksWithoutUsableKeys_IsKeysUnavailable()
    {
        using var instance = new JwksHarness();
        using var weak = System.Security.Cryptography.RSA.Create(1024);
        instance.JwksJson = "{\"keys\":[" + Json(Jwk(KidA, weak)) + ",{\"kid\":\"hmac\",\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}";
        var error = await HostileTokenTests.CatchAsync(() => instance.Verifier().VerifySessionTokenAsync(TokenFor(KidA, weak)));
        Assert.That(error?.Reason, Is.EqualTo(ClerkTokenFailureReason.KeysUnavailable));
        Assert.That(error!.Message, Is.EqualTo("The instance's JWKS has no usable signing key (RSA of at least 2048 bits or EC with use 'sig')."));
        Assert.That(error.InnerException, Is.Null, "the loader's own refusal is passed on as it is, not wrapped");
    }

    [Test]
    public async Task CancellingOneWaiter_DoesNotCancelTheSharedFetch()
    {
        using var instance = new JwksHarness();
        instance.Hold();
        var verifier = instance.Verifier();
        using var cancel = new CancellationTokenSource();
        var cancelled = verifier.VerifySessionTokenAsync(TokenFor(KidA, KeyA), cancel.Token);
        var other = verifier.VerifySessionTokenAsync(TokenFor(KidA, KeyA));
        await instance.RequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cancel.Cancel();
        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
        instance.Release();
        Assert.That(await other.WaitAsync(TimeSpan.FromSeconds(10)), Is.Not.Null);
        Assert.That(instance.JwksRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task JwtKey_NeverTouchesTheNetwork()
    {
        using var instance = new JwksHarness();
        var verifier = instance.Verifier(o => o.JwtKey = PemA);
        await verifier.VerifySessionTokenAsync(TokenFor("any-kid", KeyA));
        await HostileTokenTests.CatchAsync(() => verifier.VerifySessionTokenAsync(TokenFor("other", KeyB)));
        Assert.That(instance.JwksRequests + instance.OtherRequests, Is.Zero);
    }
}
