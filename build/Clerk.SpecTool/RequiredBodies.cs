using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// A JSON request body whose schema has required properties is a required body, whatever the spec's
/// <c>requestBody.required</c> says (Clerk's specs leave it out on operations such as <c>POST /sessions</c>, whose body
/// must carry <c>user_id</c>). Otherwise NSwag makes the body an optional parameter, and <c>clerk.Sessions.CreateAsync()</c>
/// compiles and sends a request that can only fail. The tool's output counts them.
/// </summary>
public static class RequiredBodies
{
    public static IReadOnlyList<string> Apply(JObject document)
    {
        var changed = new List<string>();
        foreach (var (path, method, operation) in SpecNormalizer.Operations(document))
        {
            if (operation["requestBody"] is not JObject body || body["required"] is JValue { Type: JTokenType.Boolean } required && (bool)required) continue;
            if (body.SelectToken("content['application/json'].schema") is not JObject schema) continue;
            if (!HasRequiredProperties(document, schema, depth: 0)) continue;
            body["required"] = true;
            changed.Add(Json.Str(operation, "operationId") ?? $"{method.ToUpperInvariant()} {path}");
        }
        return changed;
    }

    private static bool HasRequiredProperties(JObject document, JObject schema, int depth)
    {
        if (depth > 8) return false;
        if (Json.Resolve(document, schema) is { } target) return HasRequiredProperties(document, target, depth + 1);
        if (Json.Arr(schema, "required") is { Count: > 0 }) return true;
        // allOf: every member applies, so one member's required properties make the whole body required.
        return Json.Arr(schema, "allOf") is { } members && members.OfType<JObject>().Any(m => HasRequiredProperties(document, m, depth + 1));
    }
}
