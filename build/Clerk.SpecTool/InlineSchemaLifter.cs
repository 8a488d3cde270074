using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Moves every inline object and enum into <c>components/schemas</c> under a name taken from where it stands,
/// so NSwag never invents <c>Body12</c>, <c>Response2</c> or <c>Anonymous6</c>:
/// request bodies are <c>{Operation}Request</c>, responses <c>{Operation}Response</c>, parameters
/// <c>{Operation}{Parameter}</c>, nested objects and enums <c>{Parent}{Property}</c>, array items <c>...Item</c>.
/// Identical shapes under one name are shared; a name that would collide with a different shape fails the build.
/// </summary>
public sealed class InlineSchemaLifter(JObject document)
{
    private static readonly string[] FormMediaTypes = ["multipart/form-data", "application/x-www-form-urlencoded"];

    private readonly JObject _schemas = (JObject)document["components"]!["schemas"]!;
    private readonly List<string> _collisions = new();
    private readonly HashSet<string> _parameterEnums = new(StringComparer.Ordinal);
    private int _lifted;
    private int _reused;

    public int Run()
    {
        foreach (var property in _schemas.Properties().ToList())
        {
            if (property.Value is JObject schema) VisitChildren(schema, property.Name);
        }
        if (document["components"]?["responses"] is JObject responses)
        {
            foreach (var response in responses.Properties())
            {
                var name = Naming.Pascal(response.Name);
                VisitContent(response.Value as JObject, _schemas[name] is null ? name : name + "Response", form: false);
            }
        }
        if (document["components"]?["parameters"] is JObject parameters)
        {
            foreach (var parameter in parameters.Properties().Select(p => p.Value).OfType<JObject>())
            {
                VisitParameter(parameter, Naming.Pascal(Json.Str(parameter, "name") ?? "Parameter"));
            }
        }
        foreach (var (_, _, operation) in SpecDocument.Operations(document))
        {
            var name = Json.Str(operation, SpecExtensions.Operation)!;
            foreach (var parameter in (Json.Arr(operation, "parameters") ?? new JArray()).OfType<JObject>())
            {
                VisitParameter(parameter, name + Naming.Pascal(Json.Str(parameter, "name") ?? "Parameter"));
            }
            if (operation["requestBody"] is JObject body)
            {
                VisitContent(body, name + "Request", form: true);
            }
            if (operation["responses"] is JObject operationResponses)
            {
                foreach (var response in operationResponses.Properties())
                {
                    // Error responses only remain in the mock document; their inline bodies get their status in the name.
                    var responseName = response.Name.StartsWith('2') ? name + "Response" : name + "Response" + (char.IsDigit(response.Name[0]) ? response.Name : Naming.Pascal(response.Name));
                    VisitContent(response.Value as JObject, responseName, form: false);
                }
            }
        }
        if (_collisions.Count > 0)
        {
            throw new SpecToolException($"inline schemas collide with different schemas of the same name; name them in an overlay: {string.Join("; ", _collisions)}");
        }
        return _lifted;
    }

    private void VisitParameter(JObject parameter, string name)
    {
        if (parameter["schema"] is not JObject schema) return;
        // An array parameter's items are named after the parameter itself (statuses of a filter, not "...Item").
        var target = Json.Str(schema, "type") == "array" && schema["items"] is JObject items ? items : schema;
        // Query and path filters only: a form field (in: formData) is a request body's field, typed where it stands.
        if (Json.Str(parameter, "in") is "query" or "path" && ModelEnumFor(target, name, Naming.Pascal(Json.Str(parameter, "name") ?? "")) is { } model)
        {
            var replacement = SchemaRefs.RefTo(model);
            if (target["description"] is { } description) replacement["description"] = description.DeepClone();
            target.Replace(replacement);
            _reused++;
            return;
        }
        var before = _schemas.Count;
        Visit(target, name);
        if (_schemas.Count > before) _parameterEnums.Add(name);
    }

    /// <summary>
    /// A filter's enum is the model's own enum when one fits: <c>Sessions.ListAsync(status: SessionStatus.Active)</c>
    /// takes the type <c>Session.Status</c> has, not a <c>GetSessionListStatus</c> of its own. A model enum fits when its
    /// name ends with the parameter's name (<c>...Status</c> for <c>status</c>) and it has the values the parameter
    /// accepts: the same, or more (the server rejects those) when the operation names the model (<c>Session</c> in
    /// <c>GetSessionList</c>); otherwise a filter could take an unrelated enum that happens to hold its values. Of several,
    /// the one with the fewest values, then the one whose stem the operation names (<c>Organization</c> in <c>ListOrganizationInvitations</c>), then the shortest.
    /// </summary>
    private string? ModelEnumFor(JObject schema, string liftedName, string parameterName)
    {
        if (parameterName.Length == 0 || Json.Ref(schema) is not null || Json.Str(schema, "type") != "string" || schema["enum"] is not JArray { Count: > 0 } values) return null;
        var wanted = values.Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal);
        return _schemas.Properties()
            .Where(p => p.Name.EndsWith(parameterName, StringComparison.Ordinal) && !_parameterEnums.Contains(p.Name))
            .Select(p => (Name: p.Name, Schema: p.Value as JObject))
            .Where(c => c.Schema is not null && Json.Str(c.Schema, "type") == "string" && c.Schema["enum"] is JArray)
            .Select(c => (c.Name, Values: ((JArray)c.Schema!["enum"]!).Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal), Stem: c.Name[..^parameterName.Length]))
            .Where(c => c.Values.IsSupersetOf(wanted))
            .Where(c => c.Values.SetEquals(wanted) || Names(liftedName, c.Stem))
            .OrderBy(c => c.Values.Count)
            .ThenBy(c => Names(liftedName, c.Stem) ? -c.Stem.Length : 1)
            .ThenBy(c => c.Name.Length)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    private static bool Names(string liftedName, string stem) => stem.Length > 0 && liftedName.Contains(stem, StringComparison.Ordinal);

    /// <summary>How many parameters took a model's enum instead of one of their own (<see cref="ModelEnumFor"/>).</summary>
    public int ReusedEnums => _reused;

    private void VisitContent(JObject? holder, string name, bool form)
    {
        if (holder?["content"] is not JObject content) return;
        foreach (var media in content.Properties())
        {
            if (media.Value is not JObject mediaType || mediaType["schema"] is not JObject schema) continue;
            if (form && FormMediaTypes.Contains(media.Name))
            {
                // NSwag turns form fields into method parameters; the body object itself stays inline.
                VisitChildren(schema, name);
            }
            else
            {
                Visit(schema, name);
            }
        }
    }

    private void Visit(JObject schema, string name)
    {
        if (Json.Ref(schema) is not null) return;
        if (IsLiftable(schema))
        {
            VisitChildren(schema, name);
            var finalName = Register(name, schema);
            var replacement = SchemaRefs.RefTo(finalName);
            foreach (var keep in new[] { "description", "nullable" })
            {
                if (schema[keep] is { } value) replacement[keep] = value.DeepClone();
            }
            schema.Replace(replacement);
            return;
        }
        VisitChildren(schema, name);
    }

    private void VisitChildren(JObject schema, string name)
    {
        if (schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties().ToList())
            {
                if (property.Value is not JObject child) continue;
                if (property.Name == "object" && child["enum"] is JArray)
                {
                    // The `object` discriminator ("user", "session") is a constant string, not an enum worth a type.
                    child.Remove("enum");
                }
                Visit(child, name + Naming.Pascal(property.Name));
            }
        }
        if (schema["items"] is JObject items) Visit(items, name + "Item");
        if (schema["additionalProperties"] is JObject additional) Visit(additional, name + "Value");
        if (schema["allOf"] is JArray allOf)
        {
            foreach (var member in allOf.OfType<JObject>().Where(m => Json.Ref(m) is null)) VisitChildren(member, name);
        }
    }

    private static bool IsLiftable(JObject schema) =>
        (Json.IsSchemaObject(schema) && Json.HasProperties(schema)) ||
        schema["allOf"] is JArray ||
        (schema["enum"] is JArray { Count: > 0 } && Json.Str(schema, "type") is "string" or "integer");

    private string Register(string name, JObject schema)
    {
        var candidate = schema.DeepClone();
        if (_schemas[name] is not { } existing)
        {
            _schemas[name] = candidate;
            _lifted++;
            return name;
        }
        if (JToken.DeepEquals(existing, candidate))
        {
            return name;
        }
        _collisions.Add(name);
        return name;
    }
}
