using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// A URL stays a string: NSwag would type <c>format: uri</c> as <see cref="System.Uri"/>, which rejects URLs that
/// RFC 3986 allows (a <c>+</c> or <c>,</c> in the host) and would then fail the whole response it is part of, and which
/// the Backend API's URLs (no format) are not. The format moves to <see cref="SpecExtensions.Format"/> (read by the
/// conformance suite's value synthesis); the mock document keeps it as <c>format</c>.
/// </summary>
public static class PlainUrls
{
    /// <summary>Moves URL formats aside; returns how many.</summary>
    public static int Apply(JObject document)
    {
        var count = 0;
        foreach (var node in document.Descendants().OfType<JObject>().ToList())
        {
            if (Json.Str(node, "type") != "string" || Json.Str(node, "format") is not ("uri" or "url" or "uri-reference" or "iri")) continue;
            node[SpecExtensions.Format] = node["format"]!.DeepClone();
            node.Remove("format");
            count++;
        }
        return count;
    }
}
