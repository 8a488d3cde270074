using System.Diagnostics;

namespace Clerk.Http;

/// <summary>
/// The SDK's <see cref="ActivitySource"/>: one client span per Clerk call, so OpenTelemetry users see them
/// (<c>AddSource("Clerk.Sdk")</c>).
/// </summary>
public static class ClerkTelemetry
{
    /// <summary>The name of the activity source.</summary>
    public const string SourceName = "Clerk.Sdk";

    /// <summary>The activity source; spans are named <c>Clerk {Resource}.{Operation}</c>.</summary>
    public static ActivitySource Source { get; } = new(SourceName, ClerkClient.PackageVersion);
}
