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
/// clear it) keeps its required body. The mock server's document keeps the spec's flag (<see cref="MarkOptional"/> runs on the SDK's only).</item>
/// </list>
/// The tool's output counts both.
/// </summary>
public static class RequiredBodies
{
    /// <summary>Makes required every JSON body whose schema has required properties; returns their operations.</summary>
    public static IReadOnlyList<string> MarkRequired(JObject document)
    {
        var required = new List<string>();
        foreach (var (path, method, operation, body, schema) in JsonBodies(document))
        {
            if (Flagged(body) || !HasRequiredProperties(document, schema, depth: 0)) continue;
            body["required"] = true;
            required.Add(Label(path, method, operation));
        }
        return required;
    }

    /// <summary>In the SDK's document only: makes optional (<see cref="SpecExtensions.EmptyBody"/>) every required
    /// object body without required properties on an operation the body only qualifies; returns their operations.</summary>
    public static IReadOnlyList<string> MarkOptional(JObject document)
    {
        var optional = new List<string>();
        foreach (var (path, method, operation, body, schema) in JsonBodies(document))
        {
            if (!Flagged(body) || HasRequiredProperties(document, schema, depth: 0) || !OnlyQualifiesTheAction(path, method) || !IsObject(document, schema, depth: 0)) continue;
            body["required"] = false;
            operation[SpecExtensions.EmptyBody] = true;
            optional.Add(Label(path, method, operation));
        }
        return optional;
    }

    private static IEnumerable<(string Path, string Method, JObject Operation, JObject Body, JObject Schema)> JsonBodies(JObject document) =>
        from o in SpecDocument.Operations(document)
        let body = o.Operation["requestBody"] as JObject
        let schema = body?.SelectToken("content['application/json'].schema") as JObject
        where schema is not null
        select (o.Path, o.Method, o.Operation, body!, schema);

    private static bool Flagged(JObject body) => body["required"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag;

    private static string Label(string path, string method, JObject operation) => Json.Str(operation, "operationId") ?? $"{method.ToUpperInvariant()} {path}";

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
