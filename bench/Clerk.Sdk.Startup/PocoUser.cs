using System.Collections.Generic;
using Newtonsoft.Json;

namespace Clerk.Sdk.Startup;

/// <summary>What a hand-written client might read of a user: a few fields, no nested models beyond the emails.</summary>
public sealed class PocoUser
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("first_name")] public string? FirstName { get; set; }
    [JsonProperty("last_name")] public string? LastName { get; set; }
    [JsonProperty("username")] public string? Username { get; set; }
    [JsonProperty("primary_email_address_id")] public string? PrimaryEmailAddressId { get; set; }
    [JsonProperty("email_addresses")] public List<PocoEmail> EmailAddresses { get; set; } = [];
    [JsonProperty("public_metadata")] public Dictionary<string, object?> PublicMetadata { get; set; } = [];
    [JsonProperty("banned")] public bool Banned { get; set; }
    [JsonProperty("created_at")] public long CreatedAt { get; set; }
    [JsonProperty("updated_at")] public long UpdatedAt { get; set; }
}

/// <summary>One email address of <see cref="PocoUser"/>.</summary>
public sealed class PocoEmail
{
    [JsonProperty("id")] public string Id { get; set; } = "";
    [JsonProperty("email_address")] public string EmailAddress { get; set; } = "";
}
