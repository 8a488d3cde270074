using System.Text.Json;

namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>The System.Text.Json contender's options: snake_case names, reflection-based metadata (no source generator), cached once.</summary>
public static class StjOptions
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };
}
