using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Whether a JSON request body is a required parameter follows from its schema, not only from the spec's
/// <c>requestBody.required</c>:
/// <list type="bullet">
/// <item>A body whose schema has required properties is required (Clerk's specs leave the flag out on operations such as
/// <c>POST /sessions</c>, whose body must carry <c>user_id</c>): otherwise <c>clerk.Sessions.CreateAsync()</c> compiles
/// and sends a request that can only fail.</item>
/// <item>A required object body none of whose properties is required, on an operation the body only qualifies (a partial
/// update, <c>PATCH</c>; a revocation, <c>POST .../revoke</c>), becomes optional in the SDK's document and is marked
/// <see cref="SpecExtensions.EmptyBody"/>: the SDK sends <c>{}</c> when none is given, so <c>clerk.ApiKeys.RevokeAsync(id)</c> needs
/// no <c>new RevokeApiKeyRequest()</c> and the server still gets a body. A creation (<c>Users.CreateAsync</c>: no field
/// is required by the schema, but an empty user is refused) or a replacement (<c>PUT .../metadata</c>: <c>{}</c> would
/// clear it) keeps its required body. The mock server's document keeps the spec's flag.</item>
/// </list>
/// The tool's output counts both.
/// </summary>
public static class RequiredBodies
{
    public static (IReadOnlyList<string> Required, IReadOnlyList<string> Optional) Apply(JObject document, bool forMock = false)
    {
        var required = new List<string>();
        var optional = new List<string>();
        foreach (var (path, method, operation) in SpecDocument.Operations(document))
        {
            if (operation["requestBody"] is not JObject body) continue;
            if (body.SelectToken("content['application/json'].schema") is not JObject schema) continue;
            var label = Json.Str(operation, "operationId") ?? $"{method.ToUpperInvariant()} {path}";
            var flagged = body["required"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag;
            if (HasRequiredProperties(document, schema, depth: 0))
            {
                if (flagged) continue;
                body["required"] = true;
                required.Add(label);
            }
            else if (flagged && !forMock && OnlyQualifiesTheAction(path, method) && IsObject(document, schema, depth: 0))
            {
                body["required"] = false;
                operation[SpecExtensions.EmptyBody] = true;
                optional.Add(label);
            }
        }
        return (required, optional);
    }

    /// <summary>A partial update or a revocation: an empty body asks for the action itself, nothing more.</summary>
    private static bool OnlyQualifiesTheAction(string path, string method) =>
        method == "patch" || (method == "post" && path.EndsWith("/revoke", System.StringComparison.Ordinal));

    /// <summary>Whether the body is a JSON object (so <c>{}</c> is one), not an array or a primitive.</summary>
    private static bool IsObject(JObject document, JObject schema, int depth)
    {
        if (depth > 8) return false;
        if (Json.Resolve(document, schema) is { } target) return IsObject(document, target, depth + 1);
        if (Json.Arr(schema, "allOf") is { Count: > 0 } members) return members.OfType<JObject>().All(m => IsObject(document, m, depth + 1));
        return Json.Str(schema, "type") == "object" || (schema["type"] is null && schema["properties"] is JObject);
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
