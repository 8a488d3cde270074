using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Clerk.Authentication;
using Clerk.Http;
using Clerk.Sdk.Tests.Authentication;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// <see cref="PublishableKey"/>, the SDK's one parser of publishable keys, and the three places that use it: the token
/// verifier, the Frontend API client and the pipeline built for it.
/// </summary>
public class PublishableKeyTests
{
    internal static string Key(string prefix, string decoded, bool pad = true)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(decoded));
        return prefix + (pad ? encoded : encoded.TrimEnd('='));
    }

    [TestCase("pk_test_", "example-destined-camel-13.clerk.accounts.dev", false)]
    [TestCase("pk_live_", "clerk.example.com", true)]
    [TestCase("pk_live_", "clerk.acme.co.uk", true)]
    [TestCase("pk_test_", "fake-abc123.clerk.test", false)]
    [TestCase("pk_test_", "127.0.0.1", false)]
    public void TestAndLiveKeys_DecodeToTheFrontendApiUrl(string prefix, string host, bool live)
    {
        var value = Key(prefix, host + "$");

        var key = PublishableKey.Parse(value);

        Assert.That(key.FrontendApiHost, Is.EqualTo(host));
        Assert.That(key.FrontendApiUrl, Is.EqualTo(new Uri($"https://{host}")));
        Assert.That((key.IsLive, key.IsTest), Is.EqualTo((live, !live)));
        Assert.That(key.Value, Is.EqualTo(value));
        Assert.That(key.ToString(), Is.EqualTo(value));
    }

    [TestCase("clerk.example.com")]     // 18 bytes with '$': base64 ends with '='
    [TestCase("clerk.example.co")]      // 17 bytes: '=='
    [TestCase("clerk.exampleee.com")]   // 20 bytes: none
    public void PaddingIsOptional(string host)
    {
        Assert.That(PublishableKey.Parse(Key("pk_live_", host + "$", pad: true)).FrontendApiHost, Is.EqualTo(host));
        Assert.That(PublishableKey.Parse(Key("pk_live_", host + "$", pad: false)).FrontendApiHost, Is.EqualTo(host));
    }

    [Test]
    public void SurroundingWhitespace_IsIgnored_AsARealKeyReadFromAFileHasIt()
    {
        var value = Key("pk_test_", "clerk.example.com$");

        var key = PublishableKey.Parse("  " + value + "\n");

        Assert.That((key.Value, key.FrontendApiHost), Is.EqualTo((value, "clerk.example.com")));
    }

    /// <summary>Malformed keys: a name, the key, and what the message says.</summary>
    internal static readonly (string Name, string? Key, string Expected)[] Malformed =
    [
        ("null", null, "is required"),
        ("empty", "", "is required"),
        ("whitespace", "   \t\n", "is required"),
        ("unknown prefix", Key("pk_prod_", "clerk.example.com$"), "must start with pk_test_ or pk_live_"),
        ("upper-case prefix", Key("PK_TEST_", "clerk.example.com$"), "must start with pk_test_ or pk_live_"),
        ("no instance type", Key("pk_", "clerk.example.com$"), "must start with pk_test_ or pk_live_"),
        ("secret key", Key("sk_test_", "clerk.example.com$"), "secret key"),
        ("prefix only", "pk_test_", "nothing follows"),
        ("garbage", "pk_test_not*base64!", "not base64"),
        ("length 1 mod 4", "pk_test_Y2xlcmsuZXhhbXBsZS5jb20kx", "not base64"),
        ("three '='", "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k===", "not base64"),
        ("inner space", "pk_test_Y2xlcmsu ZXhhbXBsZS5jb20k", "not base64"),
        ("base64url", Key("pk_test_", "clerk.example.com??$").Replace('+', '-').Replace('/', '_'), "not base64"),
        ("missing '$'", Key("pk_test_", "clerk.example.com"), "does not end with '$'"),
        ("'$' not last", Key("pk_test_", "clerk.example.com$x"), "does not end with '$'"),
        ("two '$'", Key("pk_test_", "clerk.example.com$$"), "only letters, digits"),
        ("'$' alone", Key("pk_test_", "$"), "is empty"),
        ("scheme", Key("pk_test_", "https://clerk.example.com$"), "has a scheme"),
        ("path", Key("pk_test_", "clerk.example.com/path$"), "has a path"),
        ("trailing slash", Key("pk_test_", "clerk.example.com/$"), "has a path"),
        ("query", Key("pk_test_", "clerk.example.com?x=1$"), "has a path"),
        ("port", Key("pk_test_", "clerk.example.com:8443$"), "has a port"),
        ("space in host", Key("pk_test_", "evil host.example.com$"), "whitespace"),
        ("single label", Key("pk_test_", "localhost$"), "has no '.'"),
        ("trailing dot", Key("pk_test_", "clerk.example.com.$"), "not a valid host name"),
        ("dot alone", Key("pk_test_", ".$"), "not a valid host name"),
        ("label starts with '-'", Key("pk_test_", "-clerk.example.com$"), "not a valid host name"),
        ("underscore", Key("pk_test_", "my_host.example.com$"), "only letters, digits"),
        ("user info", Key("pk_test_", "user@clerk.example.com$"), "only letters, digits"),
        ("64-character label", Key("pk_test_", new string('a', 64) + ".example.com$"), "not a valid host name"),
        ("non-ASCII host", Key("pk_test_", "clërk.example.com$"), "not printable ASCII"),
        ("binary", "pk_test_" + Convert.ToBase64String([0xFF, 0x00, 0x24]), "not printable ASCII"),
    ];

    public static IEnumerable<TestCaseData> MalformedKeys() => Malformed.Select(m => new TestCaseData(m.Key, m.Expected).SetArgDisplayNames(m.Name));

    [TestCaseSource(nameof(MalformedKeys))]
    public void MalformedKeys_AreRejectedClearly_WithoutRepeatingTheKey(string? key, string expected)
    {
        var ex = Assert.Throws<ClerkConfigurationException>(() => PublishableKey.Parse(key));

        Assert.That(ex!.Message, Does.StartWith("The Clerk publishable key "));
        Assert.That(ex.Message, Does.Contain(expected));
        if (!string.IsNullOrWhiteSpace(key))
        {
            var trimmed = key.Trim();
            if (trimmed.Length > 8)
            {
                Assert.That(ex.Message, Does.Not.Contain(trimmed));
                Assert.That(ex.Message, Does.Not.Contain(trimmed[8..]), "the part after the prefix");
            }
        }
        Assert.That(PublishableKey.TryParse(key, out var parsed), Is.False);
        Assert.That(parsed, Is.Null);
    }

    [Test]
    public void TryParse_GivesTheSameKeyAsParse()
    {
        var value = Key("pk_live_", "clerk.example.com$", pad: false);

        Assert.That(PublishableKey.TryParse(value, out var key), Is.True);
        Assert.That((key!.FrontendApiHost, key.IsLive, key.Value), Is.EqualTo(("clerk.example.com", true, value)));
    }

    [TestCase("clerk.example.com", false, "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k")]
    [TestCase("clerk.example.co", true, "pk_live_Y2xlcmsuZXhhbXBsZS5jbyQ")]
    public void FromFrontendApiHost_WritesTheKeyAsClerkDoes_Unpadded(string host, bool live, string expected)
    {
        var key = PublishableKey.FromFrontendApiHost(host, live);

        Assert.That(key.Value, Is.EqualTo(expected));
        Assert.That((PublishableKey.Parse(key.Value).FrontendApiHost, key.IsLive), Is.EqualTo((host, live)));
    }

    [TestCase("")]
    [TestCase("localhost")]
    [TestCase("https://clerk.example.com")]
    [TestCase("clerk.example.com/path")]
    [TestCase("clerk.example.com:443")]
    [TestCase("clerk example.com")]
    public void FromFrontendApiHost_RefusesWhatParseWouldRefuse(string host)
    {
        var ex = Assert.Throws<ArgumentException>(() => PublishableKey.FromFrontendApiHost(host));

        Assert.That(ex!.ParamName, Is.EqualTo("frontendApiHost"));
        Assert.That(PublishableKey.TryParse(Key("pk_test_", host + "$"), out _), Is.False);
    }

    [TestCaseSource(nameof(MalformedKeys))]
    public void TheTokenVerifierAndTheFrontendClient_RejectTheSameKeys(string? key, string expected)
    {
        var frontend = Assert.Throws<ClerkConfigurationException>(() => new ClerkFrontendClient(new ClerkFrontendClientOptions { PublishableKey = key }));
        Assert.That(frontend!.Message, Does.Contain("(ClerkFrontendClientOptions.PublishableKey)").And.Contain(expected));
        if (string.IsNullOrWhiteSpace(key))
        {
            return; // the verifier's publishable key is optional: unset, no issuer is enforced from it
        }
        var verifier = Assert.Throws<ClerkConfigurationException>(() => new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = AuthTestKit.PemA, PublishableKey = key }));
        Assert.That(verifier!.Message, Does.Contain("(ClerkTokenVerifierOptions.PublishableKey)").And.Contain(expected));
    }

    [Test]
    public void TheTokenVerifierAndTheFrontendClient_ReadTheSameHost()
    {
        var value = Key("pk_test_", "clerk.example.com$", pad: false);

        using var frontend = new ClerkFrontendClient(new ClerkFrontendClientOptions { PublishableKey = value });
        Assert.That(frontend.PublishableKey.FrontendApiHost, Is.EqualTo("clerk.example.com"));
        Assert.That(frontend.ToString(), Is.EqualTo("ClerkFrontendClient(https://clerk.example.com/)"));
        Assert.DoesNotThrow(() => new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = AuthTestKit.PemA, PublishableKey = " " + value + "\n" }));
    }

    [Test]
    [NonParallelizable] // sets a process environment variable
    public void FromEnvironment_ReadsThePublishableKey()
    {
        Environment.SetEnvironmentVariable("CLERK_PUBLISHABLE_KEY", Key("pk_test_", "a-b-1.clerk.accounts.dev$"));
        try
        {
            using var clerk = ClerkFrontendClient.FromEnvironment();
            Assert.That(clerk.PublishableKey.FrontendApiHost, Is.EqualTo("a-b-1.clerk.accounts.dev"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CLERK_PUBLISHABLE_KEY", null);
        }
        var ex = Assert.Throws<ClerkConfigurationException>(() => ClerkFrontendClient.FromEnvironment());
        Assert.That(ex!.Message, Does.Contain("CLERK_PUBLISHABLE_KEY"));
    }
}
