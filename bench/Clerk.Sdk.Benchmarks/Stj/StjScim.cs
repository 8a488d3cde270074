namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>The SCIM data of <see cref="StjUser"/>.</summary>
public sealed class StjScim
{
    public string DirectoryId { get; set; } = "";
    public bool? DirectoryEnabled { get; set; }
    public string? ExternalId { get; set; }
}
