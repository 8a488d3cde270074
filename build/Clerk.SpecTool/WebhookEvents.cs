using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Clerk's webhook spec lists its events under <c>x-webhooks</c> (an event name, then a POST whose body is the
/// envelope with a typed <c>data</c>), which NSwag ignores. This pass records, for every event, the schema of its
/// <c>data</c> in <c>x-clerk-webhook-events</c> (as <c>$ref</c>s, so later renames follow), lifts an inline data schema
/// into <c>{Event}Data</c>, and drops <c>x-webhooks</c>. The event table is then written by <see cref="WebhookTableWriter"/>.
/// </summary>
public static class WebhookEvents
{
    public static int Apply(JObject document)
    {
        if (document["x-webhooks"] is not JObject webhooks) return 0;
        var schemas = Json.Obj(document, "components")?["schemas"] as JObject
                      ?? throw new SpecToolException("the webhook spec has x-webhooks but no components/schemas");
        var events = new JObject();
        foreach (var webhook in webhooks.Properties())
        {
            var schema = webhook.Value.SelectToken("post.requestBody.content['application/json'].schema") as JObject
                         ?? throw new SpecToolException($"webhook {webhook.Name}: no application/json request body schema");
            var data = FindData(schema) ?? throw new SpecToolException($"webhook {webhook.Name}: its payload has no 'data' property");
            if (Json.Ref(data) is null)
            {
                var name = Naming.Pascal(webhook.Name) + "Data";
                if (schemas[name] is not null) throw new SpecToolException($"webhook {webhook.Name}: schema {name} exists already");
                schemas[name] = data.DeepClone();
                data = SchemaRefs.RefTo(name);
            }
            events[webhook.Name] = new JObject { ["$ref"] = Json.Ref(data) };
        }
        document.Remove("x-webhooks");
        document[SpecExtensions.WebhookEvents] = events;
        return events.Count;
    }

    private static JObject? FindData(JObject schema)
    {
        var parts = new List<JObject> { schema };
        parts.AddRange((Json.Arr(schema, "allOf") ?? new JArray()).OfType<JObject>());
        return parts.Select(p => p["properties"]?["data"] as JObject).FirstOrDefault(d => d is not null);
    }

    /// <summary>Event name → component schema name of its data, after normalization.</summary>
    public static IReadOnlyList<(string Event, string DataType)> Read(JObject document) =>
        (document[SpecExtensions.WebhookEvents] as JObject ?? new JObject()).Properties()
        .Select(p => (p.Name, (Json.Ref((JObject)p.Value) ?? "").Split('/').Last()))
        .ToList();
}
