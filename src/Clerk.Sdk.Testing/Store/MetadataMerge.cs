using Newtonsoft.Json.Linq;

namespace Clerk.Testing.Store;

/// <summary>
/// Clerk's metadata merge (<c>PATCH .../metadata</c>): objects are merged deeply, any other value replaces the old one,
/// and a key set to <c>null</c> is removed.
/// </summary>
internal static class MetadataMerge
{
    public static Metadata Merge(Metadata? existing, Metadata? patch)
    {
        var target = existing?.ToJObject() ?? new JObject();
        if (patch is not null)
        {
            MergeInto(target, patch.ToJObject());
        }
        return Metadata.From(target);
    }

    /// <summary>A copy of <paramref name="metadata"/>, or an empty object.</summary>
    public static Metadata Copy(Metadata? metadata) => Metadata.From(metadata?.ToJObject() ?? new JObject());

    private static void MergeInto(JObject target, JObject patch)
    {
        foreach (var property in patch.Properties())
        {
            if (property.Value.Type == JTokenType.Null)
            {
                target.Remove(property.Name);
            }
            else if (property.Value is JObject child && target[property.Name] is JObject existing)
            {
                MergeInto(existing, child);
            }
            else
            {
                target[property.Name] = property.Value.DeepClone();
            }
        }
    }
}
