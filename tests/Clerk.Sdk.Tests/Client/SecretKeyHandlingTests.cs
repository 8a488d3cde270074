using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using Clerk.Sdk.Tests.Support;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Client;

/// <summary>
/// A missing or malformed secret key fails when the client is built, with a message that never shows the key; and
/// nothing the SDK prints (ToString, exception messages) contains the key.
/// </summary>
public class SecretKeyHandlingTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void MissingSecretKey_FailsAtConstruction(string? key)
    {
        var ex = Assert.Throws<ClerkConfigurationException>(() => new ClerkClient(new ClerkClientOptions { SecretKey = key }));

        Assert.That(ex!.Message, Does.Contain("secret key").And.Contain("CLERK_SECRET_KEY"));
    }

    public static IEnumerable<TestCaseData> MalformedKeys()
    {
        yield return new TestCaseData("pk_test_Y2xlcmsuZXhhbXBsZS5jb20kSeedKey").SetArgDisplayNames("publishable key");
        yield return new TestCaseData("sk_prod_4eC39HqLyjWDarjtT1zdp7dc").SetArgDisplayNames("unknown prefix");
        yield return new TestCaseData("SK_TEST_4eC39HqLyjWDarjtT1zdp7dc").SetArgDisplayNames("wrong case");
        yield return new TestCaseData("Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc").SetArgDisplayNames("with Bearer");
        yield return new TestCaseData("sk_test_4eC39HqLyjWDarjtT1zdp7dc\n").SetArgDisplayNames("trailing newline");
        yield return new TestCaseData(" sk_test_4eC39HqLyjWDarjtT1zdp7dc").SetArgDisplayNames("leading space");
        yield return new TestCaseData("sk_test_4eC39HqLyjWD arjtT1zdp7dc").SetArgDisplayNames("inner space");
        yield return new TestCaseData("sk_test_4eC39HqLyjWDarjtT1zdp7dc\u200B").SetArgDisplayNames("zero-width space");
        yield return new TestCaseData("sk_test_4eC39HqLyjWDarjtT1zdp7dc\u00A0").SetArgDisplayNames("no-break space");
        yield return new TestCaseData("\uFEFFsk_test_4eC39HqLyjWDarjtT1zdp7dc").SetArgDisplayNames("byte order mark");
        yield return new TestCaseData("sk_test_4eC39HqLyjWDärjtT1zdp7dc").SetArgDisplayNames("non-ASCII letter");
    }

    [TestCaseSource(nameof(MalformedKeys))]
    public void MalformedSecretKey_FailsAtConstruction_WithoutShowingTheKey(string key)
    {
        var ex = Assert.Throws<ClerkConfigurationException>(() => new ClerkClient(new ClerkClientOptions { SecretKey = key }));

        Assert.That(ex!.Message, Does.Contain("secret key"));
        Assert.That(SecretAssert.Leaks(ex.Message, key), Is.False, ex.Message);
        Assert.That(SecretAssert.Leaks(ex.ToString(), key), Is.False);
    }

    [Test]
    public void MalformedSecretKey_FailsTheStringConstructorToo()
    {
        Assert.Throws<ClerkConfigurationException>(() => new ClerkClient("pk_live_Y2xlcmsuZXhhbXBsZS5jb20k"));
    }

    [Test]
    public void WellFormedKeys_AreAccepted()
    {
        Assert.DoesNotThrow(() => new ClerkClient("sk_test_4eC39HqLyjWDarjtT1zdp7dc").Dispose());
        Assert.DoesNotThrow(() => new ClerkClient("sk_live_4eC39HqLyjWDarjtT1zdp7dc").Dispose());
    }

    [Test]
    public void ClientAndOptionsToString_NeverContainTheKey()
    {
        var options = new ClerkClientOptions { SecretKey = ClerkMock.SecretKey };
        using var clerk = new ClerkClient(options);

        Assert.That(options.ToString(), Does.Not.Contain(ClerkMock.SecretKey).And.Not.Contain("4eC39HqLyjWD"));
        Assert.That(clerk.ToString(), Does.Not.Contain(ClerkMock.SecretKey).And.Not.Contain("4eC39HqLyjWD"));
        Assert.That(clerk.Options.ToString(), Does.Not.Contain(ClerkMock.SecretKey));
        Assert.That(options.ToString(), Does.Contain("api.clerk.com"), "ToString still describes the settings");
    }

    [Test]
    public void ApiExceptions_NeverContainTheKey_ThoughTheRequestCarriedIt()
    {
        using var mock = ClerkMock.NewHandler();
        // ExpectClerk requires "Authorization: Bearer <key>": the key really was on the failing request.
        mock.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId)
            .RespondJson(ClerkMock.ClerkErrorJson("authentication_invalid", "Unauthorized request", "The secret key is invalid", "Authorization", "trace_401"), HttpStatusCode.Unauthorized);
        mock.ExpectClerk(HttpMethod.Get, "/api_keys/" + ApiKeyId).RespondJson("{ \"object\": \"api_key\", ");
        using var clerk = ClerkMock.NewClient(mock);

        var unauthorized = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Sessions.GetAsync(SessionId));
        var unreadable = Assert.ThrowsAsync<ClerkApiException>(() => clerk.ApiKeys.GetAsync(ApiKeyId));

        mock.VerifyNoOutstandingExpectation();
        foreach (var ex in new[] { unauthorized!, unreadable! })
        {
            var everything = string.Join("\n", new[] { ex.Message, ex.ToString(), ex.BodyExcerpt ?? string.Empty }
                .Concat(ex.Headers.SelectMany(h => h.Value.Prepend(h.Key))));
            Assert.That(everything, Does.Not.Contain(ClerkMock.SecretKey));
        }
        Assert.That(unauthorized!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
