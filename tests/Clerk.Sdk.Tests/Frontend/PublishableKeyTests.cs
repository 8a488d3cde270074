using System;
using System.Text;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Frontend;

public class PublishableKeyTests
{
    private static string Key(string prefix, string host, bool pad = true)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(host + "$"));
        return prefix + (pad ? encoded : encoded.TrimEnd('='));
    }

    [TestCase("pk_test_", "example-destined-camel-13.clerk.accounts.dev", false)]
    [TestCase("pk_live_", "clerk.example.com", true)]
    [TestCase("pk_live_", "clerk.acme.co.uk", true)]
    public void TestAndLiveKeys_DecodeToTheFrontendApiUrl(string prefix, string host, bool live)
    {
        var key = PublishableKey.Parse(Key(prefix, host));
        Assert.That(key.FrontendApiHost, Is.EqualTo(host));
        Assert.That(key.FrontendApiUrl, Is.EqualTo(new Uri($"https://{host}")));
        Assert.That(key.IsLive, Is.EqualTo(live));
    }

    [TestCase("clerk.example.com")]     // 18 bytes with '$': base64 needs '=' padding
    [TestCase("clerk.example.co")]      // 17 bytes: '=='
    [TestCase("clerk.exampleee.com")]   // 20 bytes: none
    public void PaddingIsOptional(string host)
    {
        Assert.That(PublishableKey.Parse(Key("pk_live_", host, pad: true)).FrontendApiHost, Is.EqualTo(host));
        Assert.That(PublishableKey.Parse(Key("pk_live_", host, pad: false)).FrontendApiHost, Is.EqualTo(host));
    }

    [TestCase("pk_test_not*base64!", "not base64")]
    [TestCase("pk_test_", "does not end")]
    [TestCase("pk_test_Y2xlcmsuZXhhbXBsZS5jb20", "does not end with '$'")]   // "clerk.example.com" without '$'
    [TestCase("pk_dev_Y2xlcmsuZXhhbXBsZS5jb20k", "pk_test_ or pk_live_")]
    [TestCase("sk_test_Y2xlcmsuZXhhbXBsZS5jb20k", "secret key")]
    [TestCase("", "required")]
    [TestCase("pk_test_JA==", "host name")]                                  // "$" alone
    [TestCase("pk_test_ZXZpbCBob3N0IC8gcGF0aCQ=", "host name")]              // "evil host / path$"
    public void MalformedKeys_AreRejectedClearly(string key, string expected)
    {
        var ex = Assert.Throws<ClerkConfigurationException>(() => PublishableKey.Parse(key));
        Assert.That(ex!.Message, Does.Contain(expected));
    }

    [Test]
    public void FromEnvironment_ReadsThePublishableKey()
    {
        Environment.SetEnvironmentVariable("CLERK_PUBLISHABLE_KEY", Key("pk_test_", "a-b-1.clerk.accounts.dev"));
        try
        {
            using var clerk = ClerkFrontendClient.FromEnvironment();
            Assert.That(clerk.PublishableKey.FrontendApiHost, Is.EqualTo("a-b-1.clerk.accounts.dev"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CLERK_PUBLISHABLE_KEY", null);
        }
        Assert.Throws<ClerkConfigurationException>(() => ClerkFrontendClient.FromEnvironment());
    }
}
