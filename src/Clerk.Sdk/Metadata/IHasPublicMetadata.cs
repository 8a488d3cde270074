namespace Clerk;

/// <summary>
/// A model with <c>public_metadata</c>. Every generated model that has it implements this interface
/// (the spec tool marks them), so <see cref="MetadataExtensions.GetPublicMetadata{T}"/> works on all of them.
/// </summary>
public interface IHasPublicMetadata
{
    /// <summary>The raw <c>public_metadata</c>, or null when absent.</summary>
    Metadata? PublicMetadata { get; }
}
