namespace Clerk.Testing.Store;

/// <summary>A stored organization membership; the response adds the organization and the user's public data.</summary>
internal sealed class FakeMembership
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string UserId { get; init; }

    public required string Role { get; set; }

    public Metadata PublicMetadata { get; set; } = new();

    public Metadata PrivateMetadata { get; set; } = new();

    public long CreatedAt { get; init; }

    public long UpdatedAt { get; set; }
}
