namespace Clerk;

/// <summary>Typed reads of a model's metadata: <c>user.GetPublicMetadata&lt;MyPlan&gt;()</c>.</summary>
public static class MetadataExtensions
{
    /// <summary>Reads <c>public_metadata</c> as <typeparamref name="T"/>; default when the model has none.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="holder">The model.</param>
    /// <returns>The typed metadata, or default.</returns>
    /// <exception cref="ClerkException">The metadata does not fit <typeparamref name="T"/>.</exception>
    public static T? GetPublicMetadata<T>(this IHasPublicMetadata holder) => Read<T>(holder?.PublicMetadata);

    /// <summary>Reads <c>private_metadata</c> as <typeparamref name="T"/>; default when the model has none.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="holder">The model.</param>
    /// <returns>The typed metadata, or default.</returns>
    /// <exception cref="ClerkException">The metadata does not fit <typeparamref name="T"/>.</exception>
    public static T? GetPrivateMetadata<T>(this IHasPrivateMetadata holder) => Read<T>(holder?.PrivateMetadata);

    /// <summary>Reads <c>unsafe_metadata</c> as <typeparamref name="T"/>; default when the model has none.</summary>
    /// <typeparam name="T">The type to read.</typeparam>
    /// <param name="holder">The model.</param>
    /// <returns>The typed metadata, or default.</returns>
    /// <exception cref="ClerkException">The metadata does not fit <typeparamref name="T"/>.</exception>
    public static T? GetUnsafeMetadata<T>(this IHasUnsafeMetadata holder) => Read<T>(holder?.UnsafeMetadata);

    private static T? Read<T>(Metadata? metadata) => metadata is null ? default : metadata.As<T>();
}
