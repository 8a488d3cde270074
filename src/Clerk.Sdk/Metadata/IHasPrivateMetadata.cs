namespace Clerk;

/// <summary>
/// A model with <c>private_metadata</c>. Every generated model that has it implements this interface
/// (the spec tool marks them), so <see cref="MetadataExtensions.GetPrivateMetadata{T}"/> works on all of them.
/// </summary>
public interface IHasPrivateMetadata
{
    /// <summary>The raw <c>private_metadata</c>, or null when absent.</summary>
    Metadata? PrivateMetadata { get; }
}
