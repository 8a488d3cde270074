namespace Clerk.DependencyInjection;

/// <summary>Marks a service collection that already has the SDK's defaults (environment fallbacks, validators), so they are added once.</summary>
internal sealed class ClerkServicesMarker
{
}
