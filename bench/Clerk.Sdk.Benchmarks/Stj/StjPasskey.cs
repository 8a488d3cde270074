namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>A passkey of <see cref="StjUser"/>.</summary>
public sealed class StjPasskey
{
    public string? Id { get; set; }
    public string Object { get; set; } = "";
    public string Name { get; set; } = "";
    public long LastUsedAt { get; set; }
    public StjVerification? Verification { get; set; }
}
