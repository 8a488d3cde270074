using System.Collections.Generic;
using System.Text.Json;

namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>An enterprise (or SAML) account of <see cref="StjUser"/>.</summary>
public sealed class StjEnterpriseAccount
{
    public string Id { get; set; } = "";
    public string Object { get; set; } = "";
    public string? Protocol { get; set; }
    public string Provider { get; set; } = "";
    public bool Active { get; set; }
    public string EmailAddress { get; set; } = "";
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? ProviderUserId { get; set; }
    public string? EnterpriseConnectionId { get; set; }
    public Dictionary<string, JsonElement>? PublicMetadata { get; set; }
    public StjVerification? Verification { get; set; }
    public StjEnterpriseConnection? EnterpriseConnection { get; set; }
    public long? LastAuthenticatedAt { get; set; }
}
