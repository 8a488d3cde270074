using System.Collections.Generic;
using System.Text.Json;

namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>An OAuth account of <see cref="StjUser"/>.</summary>
public sealed class StjExternalAccount
{
    public string Object { get; set; } = "";
    public string Id { get; set; } = "";
    public string Provider { get; set; } = "";
    public string IdentificationId { get; set; } = "";
    public string ProviderUserId { get; set; } = "";
    public string ApprovedScopes { get; set; } = "";
    public string EmailAddress { get; set; } = "";
    public bool? EmailAddressVerified { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? AvatarUrl { get; set; }
    public string? ImageUrl { get; set; }
    public string? Username { get; set; }
    public string? PhoneNumber { get; set; }
    public Dictionary<string, JsonElement>? PublicMetadata { get; set; }
    public string? Label { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public StjVerification? Verification { get; set; }
}
