namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>A web3 wallet of <see cref="StjUser"/>.</summary>
public sealed class StjWeb3Wallet
{
    public string? Id { get; set; }
    public string Object { get; set; } = "";
    public string Web3Wallet { get; set; } = "";
    public StjVerification? Verification { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}
