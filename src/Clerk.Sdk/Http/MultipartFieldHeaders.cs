using System.Net.Http;
using System.Net.Http.Headers;

namespace Clerk.Http;

/// <summary>
/// Writes each part of a <c>multipart/form-data</c> body the way RFC 7578 does: <c>name="file"; filename="logo.png"</c>.
/// .NET writes <c>name=file; filename=logo.png; filename*=utf-8''logo.png</c>: RFC 7578 (4.2) forbids the
/// <c>filename*</c> parameter, and multipart parsers that expect quoted values reject the part or the request.
/// </summary>
internal static class MultipartFieldHeaders
{
    public static void Normalize(HttpContent? content)
    {
        if (content is not MultipartFormDataContent form)
        {
            return;
        }
        foreach (var part in form)
        {
            if (part.Headers.ContentDisposition is not { } disposition)
            {
                continue;
            }
            disposition.Name = Quote(disposition.Name);
            var fileName = disposition.FileName ?? disposition.FileNameStar;
            disposition.FileNameStar = null;
            disposition.FileName = fileName is null ? null : Quote(fileName);
        }
    }

    private static string? Quote(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var bare = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        return "\"" + bare.Replace("\\", "\\\\", System.StringComparison.Ordinal).Replace("\"", "\\\"", System.StringComparison.Ordinal) + "\"";
    }
}
