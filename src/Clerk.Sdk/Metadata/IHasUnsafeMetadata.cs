namespace Clerk;

/// <summary>
/// A model with <c>unsafe_metadata</c>. Every generated model that has it implements this interface
/// (the spec tool marks them), so <see cref="MetadataExtensions.GetUnsafeMetadata{T}"/> works on all of them.
/// </summary>
public interface IHasUnsafeMetadata
{
    /// <summary>The raw <c>unsafe_metadata</c>, or null when absent.</summary>
    Metadata? UnsafeMetadata { get; }
}
