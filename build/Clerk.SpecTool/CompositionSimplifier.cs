using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Rewrites the compositions NSwag mis-generates:
/// <list type="bullet">
/// <item>constraint-only <c>anyOf</c>/<c>oneOf</c> (members that only list <c>required</c>) are dropped;</item>
/// <item>a single-member <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> wrapper becomes its member;</item>
/// <item><c>oneOf</c>/<c>anyOf</c> of objects (Clerk's <c>verification</c> union, JWKS keys, SessionRefresh) becomes one
/// object with every member's properties (NSwag would otherwise deserialize only the first alternative and drop the rest);</item>
/// <item><c>oneOf</c>/<c>anyOf</c> of primitives becomes an untyped value (NSwag would generate an empty class);</item>
/// <item><c>allOf</c> of inline objects is flattened into one object.</item>
/// </list>
/// </summary>
public static class CompositionSimplifier
{
    private static readonly string[] Unions = ["oneOf", "anyOf"];

    public static void Apply(JObject document)
    {
        for (var pass = 0; pass < 8; pass++)
        {
            var changed = false;
            var nodes = document.Descendants().OfType<JObject>()
                .Where(n => n["allOf"] is JArray || n["oneOf"] is JArray || n["anyOf"] is JArray)
                .Reverse()
                .ToList();
            foreach (var node in nodes)
            {
                changed |= Simplify(document, node);
            }
            if (!changed) return;
        }
    }

    private static bool Simplify(JObject document, JObject node)
    {
        var changed = false;
        foreach (var keyword in Unions)
        {
            if (node[keyword] is JArray members && members.OfType<JObject>().All(IsConstraintOnly))
            {
                node.Remove(keyword);
                changed = true;
            }
        }
        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (node[keyword] is JArray { Count: 1 } single && single[0] is JObject member && !Json.HasProperties(node))
            {
                node.Remove(keyword);
                Absorb(node, member);
                changed = true;
            }
        }
        foreach (var keyword in Unions)
        {
            if (node[keyword] is not JArray members || members.Count < 2) continue;
            var resolved = members.OfType<JObject>().Select(m => Json.Resolve(document, m) ?? m).ToList();
            node.Remove(keyword);
            node.Remove("discriminator");
            if (resolved.All(Json.IsSchemaObject))
            {
                MergeObjects(node, resolved);
            }
            else
            {
                // Primitives or a mix: an untyped value (object in C#) keeps whatever the server sends.
                node.Remove("type");
                node.Remove("format");
                node.Remove("enum");
            }
            changed = true;
        }
        if (node["allOf"] is JArray all && all.Count > 1 && all.OfType<JObject>().All(m => Json.Ref(m) is null && Json.IsSchemaObject(m)))
        {
            node.Remove("allOf");
            MergeObjects(node, all.OfType<JObject>().ToList(), intersectRequired: false);
            changed = true;
        }
        return changed;
    }

    private static bool IsConstraintOnly(JObject member) =>
        member["$ref"] is null && member["type"] is null && member["properties"] is null && member["items"] is null &&
        member["enum"] is null && member["allOf"] is null && member["oneOf"] is null && member["anyOf"] is null;

    private static void Absorb(JObject node, JObject member)
    {
        if (Json.Ref(member) is { } reference)
        {
            // In OpenAPI 3.0 a $ref ignores its siblings; keep only the reference.
            foreach (var property in node.Properties().ToList()) property.Remove();
            node["$ref"] = reference;
            return;
        }
        foreach (var property in member.Properties())
        {
            if (node[property.Name] is null) node[property.Name] = property.Value.DeepClone();
        }
    }

    private static void MergeObjects(JObject node, IReadOnlyList<JObject> members, bool intersectRequired = true)
    {
        var properties = Json.Obj(node, "properties") ?? new JObject();
        IEnumerable<string>? required = intersectRequired ? null : Required(node);
        foreach (var member in members)
        {
            foreach (var property in (Json.Obj(member, "properties") ?? new JObject()).Properties())
            {
                if (properties[property.Name] is JObject existing && property.Value is JObject incoming)
                {
                    UnionEnum(existing, incoming);
                }
                else if (properties[property.Name] is null)
                {
                    properties[property.Name] = property.Value.DeepClone();
                }
            }
            var memberRequired = Required(member);
            required = required is null ? memberRequired.ToList() :
                intersectRequired ? required.Intersect(memberRequired).ToList() : required.Union(memberRequired).ToList();
        }
        node["type"] = "object";
        node["properties"] = properties;
        node.Remove("additionalProperties");
        if (required is not null && required.Any()) node["required"] = new JArray(required);
        else node.Remove("required");
    }

    private static List<string> Required(JObject schema) =>
        (Json.Arr(schema, "required") ?? new JArray()).Select(v => v.ToString()).ToList();

    private static void UnionEnum(JObject existing, JObject incoming)
    {
        if (existing["enum"] is JArray values && incoming["enum"] is JArray more)
        {
            foreach (var value in more)
            {
                if (!values.Any(v => JToken.DeepEquals(v, value))) values.Add(value.DeepClone());
            }
        }
        else if (existing["enum"] is JArray && incoming["enum"] is null && Json.Str(incoming, "type") == Json.Str(existing, "type"))
        {
            existing.Remove("enum");
        }
    }
}
