using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Http;

/// <summary>
/// Sends the form parameters of an <c>application/x-www-form-urlencoded</c> operation as that media type. NSwag
/// ignores an OpenAPI 3 operation's <c>consumes</c> and builds every form as a <see cref="MultipartFormDataContent"/>
/// (a urlencoded-only endpoint answers 415); this turns its text fields into a <see cref="FormUrlEncodedContent"/>:
/// in order, an array as one <c>key=value</c> pair per item (OpenAPI's <c>style: form, explode: true</c>, as NSwag adds
/// one part per item), an empty form (every optional field left out, or a form that declares none) as an empty body.
/// </summary>
internal static class UrlEncodedForms
{
    /// <summary>The urlencoded form of a multipart one built by the generated code (an empty one for none); any other content as is.</summary>
    /// <exception cref="InvalidOperationException">A part is a file, which a urlencoded form cannot carry.</exception>
    public static async Task<HttpContent?> FromMultipartAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        // A form without fields: the generated code sends no content, or an empty JSON one for a POST.
        if (content is null || (content is not MultipartFormDataContent && content.Headers.ContentLength == 0))
        {
            content?.Dispose();
            return new FormUrlEncodedContent([]);
        }
        if (content is not MultipartFormDataContent multipart) return content;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in multipart)
        {
            var disposition = part.Headers.ContentDisposition;
            if (disposition?.Name is not { } name) continue;
            if (disposition.FileName is not null || disposition.FileNameStar is not null)
            {
                throw new InvalidOperationException($"The form field '{Unquote(name)}' is a file, which an application/x-www-form-urlencoded body cannot carry.");
            }
            pairs.Add(new(Unquote(name), await part.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)));
        }
        multipart.Dispose();
        return new FormUrlEncodedContent(pairs);
    }

    private static string Unquote(string name) =>
        name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? name[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : name;
}
