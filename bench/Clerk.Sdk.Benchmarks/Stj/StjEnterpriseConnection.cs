using System.Collections.Generic;

namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>The enterprise connection of a <see cref="StjEnterpriseAccount"/>.</summary>
public sealed class StjEnterpriseConnection
{
    public string Id { get; set; } = "";
    public string Protocol { get; set; } = "";
    public string Provider { get; set; } = "";
    public string Name { get; set; } = "";
    public string? LogoPublicUrl { get; set; }
    public string? Domain { get; set; }
    public List<string>? Domains { get; set; }
    public bool Active { get; set; }
    public bool SyncUserAttributes { get; set; }
    public bool AllowSubdomains { get; set; }
    public bool AllowIdpInitiated { get; set; }
    public bool DisableAdditionalIdentifications { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}
