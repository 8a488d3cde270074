using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Gives every operation a <c>Resource_Method</c> operationId (NSwag: one client per resource, one method per
/// operation) from Clerk's own <c>x-speakeasy-group</c> / <c>x-speakeasy-name-override</c>; operations without
/// them take their first tag and their operationId (<see cref="FallbackMethodName"/>). Tags become the resource name, which
/// is always a valid identifier.
/// The original operationId is kept in <c>x-clerk-operation</c> (it names inline request/response types).
/// </summary>
public static class OperationNaming
{
    public static void Apply(JObject document)
    {
        var descriptions = (Json.Arr(document, "tags") ?? new JArray()).OfType<JObject>()
            .Where(t => Json.Str(t, "name") is not null)
            .ToDictionary(t => Json.Str(t, "name")!, t => Json.Str(t, "description"), StringComparer.Ordinal);
        var resourceDescriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        var missing = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in SpecDocument.Operations(document))
        {
            // Clerk's own SDK names first; else the first tag and the operationId (the Frontend API has few
            // speakeasy names), else the first path segment for an untagged operation.
            var group = Json.Str(operation, "x-speakeasy-group")
                        ?? (Json.Arr(operation, "tags") ?? new JArray()).Select(t => t.ToString()).FirstOrDefault()
                        ?? FirstSegment(path);
            var name = Json.Str(operation, "x-speakeasy-name-override")
                       ?? (Json.Str(operation, "operationId") is { Length: > 0 } operationId && group is { Length: > 0 } ? FallbackMethodName(Naming.Pascal(group), Naming.Pascal(operationId), ReturnsArray(document, operation)) : null);
            var label = $"{method.ToUpperInvariant()} {path}";
            if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(name))
            {
                missing.Add($"{label} ({Json.Str(operation, "operationId")})");
                continue;
            }
            var resource = Naming.Pascal(group);
            var id = $"{resource}_{Naming.Pascal(name)}";
            if (seen.TryGetValue(id, out var other))
            {
                throw new SpecToolException($"operations '{other}' and '{label}' both map to {id}: override one name in an overlay");
            }
            seen[id] = label;
            var original = Json.Str(operation, "operationId") ?? id.Replace("_", "", StringComparison.Ordinal);
            operation[SpecExtensions.Operation] = Naming.Pascal(original);
            operation["operationId"] = id;
            var originalTag = (Json.Arr(operation, "tags") ?? new JArray()).Select(t => t.ToString()).FirstOrDefault();
            if (!resourceDescriptions.ContainsKey(resource) || resourceDescriptions[resource] is null)
            {
                resourceDescriptions[resource] = originalTag is null ? null : descriptions.GetValueOrDefault(originalTag);
            }
            operation["tags"] = new JArray(resource);
        }
        if (missing.Count > 0)
        {
            throw new SpecToolException($"{missing.Count} operation(s) have neither x-speakeasy-group/x-speakeasy-name-override nor tags/operationId; name them in an overlay under openapi/overlays: {string.Join(", ", missing)}");
        }
        document["tags"] = new JArray(resourceDescriptions.Keys.Order(StringComparer.Ordinal).Select(resource =>
        {
            var tag = new JObject { ["name"] = resource };
            if (resourceDescriptions[resource] is { } description) tag["description"] = description;
            return tag;
        }));
    }

    /// <summary>
    /// A method name from an operationId (the Frontend API's operations, which have no speakeasy names), read the .NET
    /// way on its resource's client: HTTP verbs become .NET ones (<c>Post</c> → <c>Create</c>, <c>Patch</c> →
    /// <c>Update</c>, <c>Read</c> → <c>Get</c>, <c>Put</c> → <c>Replace</c>) and the resource's own name is dropped
    /// (<c>Passkeys.PostPasskey</c> → <c>Passkeys.Create</c>, <c>Web3Wallets.PrepareWeb3WalletVerification</c> →
    /// <c>PrepareVerification</c>, <c>Client.GetClient</c> → <c>Get</c>); a plural <c>Get</c> that returns an array is
    /// <c>List</c> (<c>EmailAddresses.GetEmailAddresses</c>). Two operations that end up with one name fail the build.
    /// </summary>
    public static string FallbackMethodName(string resource, string operationId, bool returnsArray)
    {
        var (verb, rest) = SplitVerb(operationId);
        verb = verb switch { "Post" => "Create", "Patch" => "Update", "Read" => "Get", "Put" => "Replace", _ => verb };
        var singular = Singular(resource);
        foreach (var noun in new[] { resource, singular })
        {
            if (noun.Length == 0 || !rest.StartsWith(noun, StringComparison.Ordinal)) continue;
            var remainder = rest[noun.Length..];
            if (remainder.Length > 0 && !char.IsUpper(remainder[0]) && !char.IsDigit(remainder[0])) continue;
            if (remainder.Length == 0 && verb == "Get" && noun == resource && resource != singular && returnsArray)
            {
                return "List";
            }
            return verb + remainder;
        }
        return verb + rest;
    }

    /// <summary>Whether the operation's 200 JSON result is an array (directly or through a <c>$ref</c>).</summary>
    private static bool ReturnsArray(JObject document, JObject operation)
    {
        if (operation.SelectToken("responses['200']") is not JObject response) return false;
        if (Json.ResolveResponse(document, response).SelectToken("content['application/json'].schema") is not JObject schema) return false;
        var resolved = Json.Resolve(document, schema) ?? schema;
        return Json.Str(resolved, "type") == "array";
    }

    /// <summary>The leading verb of a PascalCase name and the rest: <c>PostPasskey</c> → (<c>Post</c>, <c>Passkey</c>).</summary>
    private static (string Verb, string Tail) SplitVerb(string name)
    {
        var end = 1;
        while (end < name.Length && !char.IsUpper(name[end])) end++;
        return (name[..end], name[end..]);
    }

    /// <summary><c>EmailAddresses</c> → <c>EmailAddress</c>, <c>Passkeys</c> → <c>Passkey</c>, <c>Client</c> → <c>Client</c>.</summary>
    private static string Singular(string plural) =>
        plural.EndsWith("sses", StringComparison.Ordinal) ? plural[..^2]
        : plural.EndsWith("ies", StringComparison.Ordinal) ? plural[..^3] + "y"
        : plural.EndsWith('s') && !plural.EndsWith("ss", StringComparison.Ordinal) ? plural[..^1]
        : plural;

    private static string? FirstSegment(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !(s.Length > 1 && s[0] == 'v' && s[1..].All(char.IsDigit)) && !s.StartsWith('{'));
}
