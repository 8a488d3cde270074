using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Writes on each operation what the SDK must know about it beyond its parameters and result, carried into the
/// generated operation table (<see cref="OperationTableWriter"/>) and applied by the handwritten request hooks
/// (<c>Clerk.Http.ClerkApiClientBase</c>):
/// <list type="bullet">
/// <item><c>x-clerk-credentials</c>: which credentials the operation accepts, from its security requirements (its own,
/// else the document's): <c>bearer</c> (an HTTP bearer token: the secret key, a native app's client token),
/// <c>basic</c> (HTTP Basic: an OAuth client's id and secret), <c>anonymous</c> (an empty requirement), space-separated;
/// <c>none</c> when it declares no security at all (a public endpoint, which must not receive a credential).</item>
/// <item><c>x-clerk-redirect</c>: the operation succeeds with a redirect (only 3xx responses, no 2xx: a browser
/// navigation endpoint). The client then does not treat the 3xx as an error and returns its <c>Location</c>: in the
/// SDK's document (<see cref="AddRedirectResults"/>) such an operation gets a 200 response of the handwritten
/// <c>Clerk.ClerkRedirect</c> (excluded from generation in <c>nswag.json</c>), which the response hook produces from
/// the 3xx.</item>
/// </list>
/// <see cref="Apply"/> runs before the error responses (3xx included) are stripped.
/// </summary>
public static class OperationMarks
{
    /// <summary>The component schema of a redirect result: a placeholder for the handwritten <c>Clerk.ClerkRedirect</c>.</summary>
    public const string RedirectSchema = "ClerkRedirect";

    public static void Apply(JObject document)
    {
        var schemes = document["components"]?["securitySchemes"] as JObject ?? new JObject();
        var global = document["security"] as JArray;
        foreach (var (path, method, operation) in SpecDocument.Operations(document))
        {
            var security = operation["security"] as JArray ?? global;
            if (security is not null) operation[SpecExtensions.Credentials] = Credentials(security, schemes, $"{method.ToUpperInvariant()} {path}");
            if (operation["responses"] is JObject responses)
            {
                var codes = responses.Properties().Select(r => r.Name).ToList();
                if (!codes.Any(c => c.StartsWith('2')) && codes.Any(c => c.StartsWith('3'))) operation[SpecExtensions.Redirect] = true;
            }
        }
    }

    private static string Credentials(JArray security, JObject schemes, string where)
    {
        var kinds = new List<string>();
        foreach (var requirement in security.OfType<JObject>())
        {
            if (requirement.Count == 0) kinds.Add("anonymous");
            foreach (var name in requirement.Properties().Select(p => p.Name))
            {
                var scheme = schemes[name] as JObject ?? throw new SpecToolException($"{where}: security scheme '{name}' is not defined in components.securitySchemes");
                if (Json.Str(scheme, "type") == "http" && Json.Str(scheme, "scheme")?.ToLowerInvariant() is ("bearer" or "basic") and var kind)
                {
                    // A bearer scheme whose format is a machine secret key (ak_..., our overlay on the M2M operations).
                    kinds.Add(kind == "bearer" && Json.Str(scheme, "bearerFormat")?.StartsWith("ak_", StringComparison.Ordinal) == true ? "machine" : kind);
                }
            }
        }
        var distinct = kinds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? (security.Count == 0 ? "none" : "other") : string.Join(' ', distinct);
    }

    /// <summary>
    /// Gives every redirect operation (<see cref="SpecExtensions.Redirect"/>) a 200 result of <see cref="RedirectSchema"/>, so that
    /// NSwag generates <c>Task&lt;ClerkRedirect&gt;</c> for it. The schema is a placeholder: <c>nswag.json</c> excludes the
    /// type and the handwritten <c>Clerk.ClerkRedirect</c> (in a namespace enclosing the generated one) is used instead.
    /// For the SDK's document only, after the error responses are stripped; the mock document keeps the spec's 3xx.
    /// </summary>
    /// <returns>How many operations got the result.</returns>
    public static int AddRedirectResults(JObject document)
    {
        var count = 0;
        foreach (var (_, _, operation) in SpecDocument.Operations(document))
        {
            if (operation[SpecExtensions.Redirect]?.Value<bool>() != true) continue;
            var responses = operation["responses"] as JObject ?? (JObject)(operation["responses"] = new JObject());
            responses["200"] = new JObject
            {
                ["description"] = "The redirect (status and Location), returned instead of followed.",
                ["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = new JObject { ["$ref"] = "#/components/schemas/" + RedirectSchema } } },
            };
            count++;
        }
        if (count > 0)
        {
            var components = document["components"] as JObject ?? (JObject)(document["components"] = new JObject());
            var schemas = components["schemas"] as JObject ?? (JObject)(components["schemas"] = new JObject());
            schemas[RedirectSchema] = new JObject
            {
                ["type"] = "object",
                ["description"] = "Placeholder for the handwritten Clerk.ClerkRedirect (excluded from generation in nswag.json).",
                ["properties"] = new JObject
                {
                    ["status_code"] = new JObject { ["type"] = "integer", ["format"] = "int32" },
                    ["location"] = new JObject { ["type"] = "string", ["nullable"] = true },
                },
            };
        }
        return count;
    }
}
