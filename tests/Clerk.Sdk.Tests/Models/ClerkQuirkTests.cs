using Clerk.BackendApi;
using Newtonsoft.Json;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Models;

/// <summary>What Clerk sends or takes beyond its spec, declared by openapi/overlays/bapi/45-clerk-quirks.yaml.</summary>
public class ClerkQuirkTests
{
    [Test]
    public void AnExternalAccountsEacId_IsAProperty_NotAnUnknownField()
    {
        var account = JsonConvert.DeserializeObject<ExternalAccountWithVerification>(
            """{"object":"google_account","id":"idn_1","external_account_id":"eac_2abc","provider":"oauth_google","created_at":1,"updated_at":1}""")!;

        Assert.That(account.ExternalAccountId, Is.EqualTo("eac_2abc"));
        Assert.That(account.AdditionalProperties.ContainsKey("external_account_id"), Is.False);
    }

    [Test]
    public void IncludeInvalid_IsABoolean()
    {
        Assert.That(typeof(ApiKeyListOptions).GetProperty(nameof(ApiKeyListOptions.IncludeInvalid))!.PropertyType, Is.EqualTo(typeof(bool?)));
    }
}
