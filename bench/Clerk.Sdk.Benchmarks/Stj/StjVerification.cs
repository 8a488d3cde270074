using System.Text.Json;

namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>Every verification shape of the user payload in one class (as the generated model merges the union).</summary>
public sealed class StjVerification
{
    public string? Object { get; set; }
    public string Status { get; set; } = "";
    public string Strategy { get; set; } = "";
    public long? Attempts { get; set; }
    public long? ExpireAt { get; set; }
    public string? Channel { get; set; }
    public string? Nonce { get; set; }
    public string? Message { get; set; }
    public string? VerifiedAtClient { get; set; }
    public string? ExternalVerificationRedirectUrl { get; set; }
    public JsonElement? Error { get; set; }
}
