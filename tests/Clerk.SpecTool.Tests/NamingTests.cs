using NUnit.Framework;

namespace Clerk.SpecTool.Tests;

public class NamingTests
{
    [TestCase("created_at", "CreatedAt")]
    [TestCase("JWKS.rsa.PublicKey", "JwksRsaPublicKey")]
    [TestCase("verification_from_oauth", "VerificationFromOAuth")]
    [TestCase("OAuthApplication", "OAuthApplication")]
    [TestCase("apiKeyID", "ApiKeyId")]
    [TestCase("SAMLConnection", "SamlConnection")]
    [TestCase("emailSMSTemplates", "EmailSmsTemplates")]
    [TestCase("m2m", "M2M")]
    [TestCase("CommercePayerResponse-2", "CommercePayerResponse2")]
    [TestCase("3ds", "Value3ds")]
    [TestCase("web3_wallet", "Web3Wallet")]
    public void Pascal(string input, string expected) => Assert.That(Naming.Pascal(input), Is.EqualTo(expected));

    [TestCase("user_id", "userId")]
    [TestCase("apiKeyID", "apiKeyId")]
    [TestCase("order_by", "orderBy")]
    [TestCase("object", "objectValue")]
    [TestCase("OAuth_token", "oauthToken")]
    public void Camel(string input, string expected) => Assert.That(Naming.Camel(input), Is.EqualTo(expected));
}
