namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>An identification link (<c>linked_to</c>).</summary>
public sealed class StjIdentificationLink
{
    public string Type { get; set; } = "";
    public string Id { get; set; } = "";
}
