using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Turns an (overlaid) Clerk spec into one NSwag generates clean .NET from. Each pass is one concern;
/// they run in a fixed order because later passes rely on earlier ones (e.g. naming needs lifted schemas).
/// With <paramref name="forMock"/> the same passes produce the document a mock server (Stoplight Prism) serves to the
/// conformance suite: the error responses stay (so <c>Prefer: code=404</c> returns the spec's error body) and a
/// form body (multipart, urlencoded) stays a request body (an OpenAPI 3 server does not know <c>in: formData</c>
/// parameters), with the default encoding of its array fields written out (<see cref="FormEncodings"/>).
/// </summary>
public sealed class SpecNormalizer(JObject document, bool forMock = false)
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>An overlay sets this on a component schema to choose its .NET type name.</summary>
    public const string TypeNameExtension = "x-clerk-type-name";

    private readonly List<string> _notes = new();

    public string Run()
    {
        var webhooks = WebhookEvents.Apply(document);
        var variants = SchemaVariants.MergeNumberedVariants(document);
        var renamed = SchemaRefs.RenameAll(document, (name, schema) => Json.Str(schema, TypeNameExtension) ?? Naming.Pascal(name));
        OperationNaming.Apply(document);
        OperationMarks.Apply(document);
        var (requiredBodies, optionalBodies) = RequiredBodies.Apply(document, forMock);
        var forms = forMock ? 0 : FormParameters.Apply(document);
        var encodings = forMock ? FormEncodings.Apply(document) : 0;
        ParameterNaming.Apply(document);
        CompositionSimplifier.Apply(document);
        MetadataSchemas.Apply(document);
        var stripped = forMock ? 0 : StripErrorResponses();
        var redirects = forMock ? 0 : OperationMarks.AddRedirectResults(document);
        // Responses only error statuses used are gone now: drop them before their inline schemas get names.
        DropUnusedComponents();
        var lifter = new InlineSchemaLifter(document);
        var lifted = lifter.Run();
        var widened = WidenIntegers(document);
        var shapes = forMock ? ShapeMerger.RemoveNames(document) : ShapeMerger.Apply(document);
        var urls = forMock ? 0 : PlainUrls(document);
        AvoidClientClassNames();
        PropertyNaming.Apply(document);
        MetadataSchemas.MarkHolders(document);
        EnumNaming.Apply(document);
        var lists = ListOperations.Apply(document);
        if (webhooks == 0) OperationOptions.Apply(document);
        var paginatedShapes = forMock ? ListOperations.AddPaginatedShapes(document) : 0;
        _notes.Add(webhooks > 0 ? $"{webhooks} webhook events" : $"{CountOperations()} operations ({lists} list operations returning a pageable, each with an options class)");
        _notes.Add($"{forms} form bodies (multipart, urlencoded) turned into form parameters");
        _notes.Add($"{Schemas.Count} schemas ({lifted} lifted from inline, {variants} numbered variants merged ({SchemaVariants.Differences.Count} differences kept: enum values united, nullability weakened), {renamed} renamed)");
        _notes.Add(forMock ? $"error responses kept for the mock server, {encodings} urlencoded array encodings written out" : $"{stripped} error responses left to the SDK's error mapper");
        _notes.Add($"{widened} integers widened to int64");
        if (shapes > 0) _notes.Add($"{shapes} schemas merged into an identical shape ({string.Join("; ", ShapeMerger.Merges)})");
        if (lifter.ReusedEnums > 0) _notes.Add($"{lifter.ReusedEnums} parameter enums typed as their model's enum");
        if (requiredBodies.Count > 0) _notes.Add($"{requiredBodies.Count} request bodies with required properties made required");
        if (optionalBodies.Count > 0) _notes.Add($"{optionalBodies.Count} required bodies without required properties made optional (sent as {{}})");
        if (urls > 0) _notes.Add($"{urls} URL formats kept as strings");
        if (redirects > 0) _notes.Add($"{redirects} redirect operations returning ClerkRedirect");
        if (paginatedShapes > 0) _notes.Add($"{paginatedShapes} paginated lists answering {{data, total_count}} in the mock");
        return string.Join(", ", _notes);
    }

    private JObject Schemas => Components.Value<JObject>("schemas") ?? (JObject)(Components["schemas"] = new JObject());

    private JObject Components => document.Value<JObject>("components") ?? (JObject)(document["components"] = new JObject());

    /// <summary>Every operation of the document with its path and method.</summary>
    public static IEnumerable<(string Path, string Method, JObject Operation)> Operations(JObject document)
    {
        if (document["paths"] is not JObject paths) yield break;
        foreach (var path in paths.Properties())
        {
            if (path.Value is not JObject item) continue;
            foreach (var method in HttpMethods)
            {
                if (item[method] is JObject operation) yield return (path.Name, method, operation);
            }
        }
    }

    private int CountOperations() => Operations(document).Count();

    /// <summary>
    /// Non-2xx responses are mapped by one handwritten mapper (ClerkApiException) instead of one generated
    /// branch per status per operation; keeping them would also make NSwag emit a generic exception type.
    /// </summary>
    private int StripErrorResponses()
    {
        var count = 0;
        foreach (var (_, _, operation) in Operations(document))
        {
            if (operation["responses"] is not JObject responses) continue;
            foreach (var response in responses.Properties().ToList())
            {
                if (!response.Name.StartsWith('2'))
                {
                    response.Remove();
                    count++;
                }
            }
        }
        return count;
    }

    /// <summary>
    /// Clerk timestamps are Unix milliseconds: an integer without a format must not become Int32. The API-key,
    /// M2M and admin-portal endpoints also type integers as <c>number</c> (timestamps, counts, seconds, limit/offset);
    /// a <c>number</c> without a format whose name says it is one of those becomes an int64 too.
    /// Real fractions (<c>percent_off</c>, <c>cycle_passed_percent</c>) carry a float/double format and stay.
    /// </summary>
    private static int WidenIntegers(JObject document)
    {
        var count = 0;
        foreach (var node in document.Descendants().OfType<JObject>())
        {
            var type = Json.Str(node, "type");
            if (node["format"] is not null || type is not ("integer" or "number")) continue;
            if (type == "number" && !IsIntegerByName(NameOf(node))) continue;
            node["type"] = "integer";
            node["format"] = "int64";
            count++;
        }
        return count;
    }

    /// <summary>
    /// A URL stays a string: NSwag would type <c>format: uri</c> as <see cref="System.Uri"/>, which rejects URLs that
    /// RFC 3986 allows (a <c>+</c> or <c>,</c> in the host) and would then fail the whole response it is part of, and
    /// which the Backend API's URLs (no format) are not. The format moves to <c>x-clerk-format</c> (read by the
    /// conformance suite's value synthesis); the mock document keeps it as <c>format</c>.
    /// </summary>
    private static int PlainUrls(JObject document)
    {
        var count = 0;
        foreach (var node in document.Descendants().OfType<JObject>().ToList())
        {
            if (Json.Str(node, "type") != "string" || Json.Str(node, "format") is not ("uri" or "url" or "uri-reference" or "iri")) continue;
            node["x-clerk-format"] = node["format"]!.DeepClone();
            node.Remove("format");
            count++;
        }
        return count;
    }

    private static string? NameOf(JObject schema) => schema.Parent switch
    {
        // A property schema: properties.{name}.
        JProperty { Parent: JObject { Parent: JProperty { Name: "properties" } } } property => property.Name,
        // A parameter schema: { name, in, schema }.
        JProperty { Name: "schema", Parent: JObject parameter } when Json.Str(parameter, "in") is not null => Json.Str(parameter, "name"),
        _ => null,
    };

    private static bool IsIntegerByName(string? name) =>
        name is not null &&
        (name.EndsWith("_at", StringComparison.Ordinal) || name is "expiration" or "total_count" or "limit" or "offset" ||
         name.StartsWith("seconds_", StringComparison.Ordinal));

    /// <summary>
    /// A model may not take the name of a generated client class (<c>{Resource}Client</c> / <c>I{Resource}Client</c>):
    /// the Frontend API's <c>Client</c> resource and a lifted <c>ClientClient</c> model would not compile. The model gets
    /// a <c>Data</c> suffix.
    /// </summary>
    private void AvoidClientClassNames()
    {
        var clientNames = Operations(document)
            .Select(o => Json.Str(o.Operation, "operationId"))
            .Where(id => id is not null && id.Contains('_', StringComparison.Ordinal))
            .Select(id => id![..id!.IndexOf('_', StringComparison.Ordinal)] + "Client")
            .SelectMany(name => new[] { name, "I" + name })
            .ToHashSet(StringComparer.Ordinal);
        var map = Schemas.Properties().Select(p => p.Name).Where(clientNames.Contains).ToDictionary(n => n, n => n + "Data", StringComparer.Ordinal);
        if (map.Count == 0) return;
        SchemaRefs.RenameAll(document, (name, _) => map.GetValueOrDefault(name, name));
        _notes.Add($"{map.Count} model(s) renamed away from client class names ({string.Join(", ", map.Keys)})");
    }

    private void DropUnusedComponents()
    {
        // components.responses / components.parameters are fully inlined by NSwag; nothing to do for them.
        // Schemas referenced nowhere would still generate (harmless), so only responses that became unused go.
        if (Components["responses"] is JObject responses)
        {
            var text = document.ToString(Newtonsoft.Json.Formatting.None);
            foreach (var response in responses.Properties().ToList())
            {
                if (!text.Contains($"\"#/components/responses/{response.Name}\"", StringComparison.Ordinal))
                {
                    response.Remove();
                }
            }
        }
    }
}
