using Clerk.BackendApi;

namespace Clerk.Testing.Store;

/// <summary>A stored API key: its public record and its secret (kept only to verify it; never in a message).</summary>
internal sealed class FakeApiKey
{
    public FakeApiKey(ApiKey record, string secret)
    {
        Record = record;
        Secret = secret;
    }

    public ApiKey Record { get; }

    public string Secret { get; }

    /// <summary>Describes the key without its secret.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"FakeApiKey({Record.Id})";
}
