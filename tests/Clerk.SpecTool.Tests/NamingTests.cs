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

    [TestCase("Passkeys", "PostPasskey", false, "Create")]
    [TestCase("Passkeys", "PatchPasskey", false, "Update")]
    [TestCase("Passkeys", "ReadPasskey", false, "Get")]
    [TestCase("Client", "PutClient", false, "Replace")]
    [TestCase("Client", "GetClient", false, "Get")]
    [TestCase("Client", "DeleteClientSessions", false, "DeleteSessions")]
    [TestCase("Web3Wallets", "PrepareWeb3WalletVerification", false, "PrepareVerification")]
    [TestCase("EmailAddresses", "GetEmailAddresses", true, "List")]
    [TestCase("EmailAddresses", "GetEmailAddress", false, "Get")]
    [TestCase("SignUps", "GetSignUps", false, "Get")]
    [TestCase("OrganizationCreationDefaults", "GetOrganizationCreationDefaults", false, "Get")]
    [TestCase("Sessions", "CreateSessionTokenWithTemplate", false, "CreateTokenWithTemplate")]
    [TestCase("Domains", "CreateOrganizationDomain", false, "CreateOrganizationDomain")]
    [TestCase("Totp", "PostTotp", false, "Create")]
    [TestCase("User", "PatchUserMetadata", false, "UpdateMetadata")]
    [TestCase("Users", "GetUserName", false, "GetName")]
    [TestCase("Sessions", "GetSessionsx", false, "GetSessionsx")]
    public void FallbackMethodNames_ReadLikeDotNet(string resource, string operationId, bool returnsArray, string expected) =>
        Assert.That(OperationNaming.FallbackMethodName(resource, operationId, returnsArray), Is.EqualTo(expected));
}
