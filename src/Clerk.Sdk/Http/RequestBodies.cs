using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Http;

/// <summary>Recognizes the body the generated code builds for an optional JSON body the caller did not give, and builds the empty one.</summary>
internal static class RequestBodies
{
    private const string JsonNull = "null";

    /// <summary>Whether <paramref name="content"/> is a JSON body whose whole text is <c>null</c>.</summary>
    public static async Task<bool> IsJsonNullAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        // Only the generated in-memory JSON body of exactly four bytes is read; streams and forms are never touched.
        if (content is not StringContent || content.Headers.ContentLength != JsonNull.Length ||
            !string.Equals(content.Headers.ContentType?.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return text == JsonNull;
    }

    /// <summary>The JSON body <c>{}</c>, for an operation whose required body has no required fields.</summary>
    public static HttpContent EmptyJsonObject() => new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
}
