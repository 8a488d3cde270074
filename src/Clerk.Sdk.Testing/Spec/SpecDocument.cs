using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.Testing.Spec;

/// <summary>
/// The normalized Backend API spec the SDK was generated from, with its error responses kept (the build's
/// <c>BackendApi.mock.json</c>, embedded): operations by id, their parameters, body schemas and declared statuses,
/// and the component schemas. Loaded once per process.
/// </summary>
internal sealed class SpecDocument
{
    private static readonly Lazy<SpecDocument> Embedded = new(Load);

    private readonly JObject _schemas;
    private readonly JObject _parameters;
    private readonly Dictionary<string, SpecOperation> _operations = new(StringComparer.Ordinal);

    private SpecDocument(JObject root)
    {
        var components = (JObject)root["components"]!;
        _schemas = (JObject)components["schemas"]!;
        _parameters = components["parameters"] as JObject ?? new JObject();
        Version = (string?)root["info"]?["version"] ?? ClerkClientOptions.DefaultApiVersion;
        foreach (var path in ((JObject)root["paths"]!).Properties())
        {
            foreach (var method in ((JObject)path.Value).Properties())
            {
                if (method.Value is JObject op && op["operationId"] is JValue id)
                {
                    var operation = new SpecOperation((string)id!, method.Name.ToUpperInvariant(), path.Name, ReadParameters(op), BodySchema(op), op["requestBody"]?["required"]?.Value<bool>() == true, Statuses(op));
                    _operations[operation.Id] = operation;
                }
            }
        }
    }

    /// <summary>The spec of this SDK build.</summary>
    public static SpecDocument Instance => Embedded.Value;

    /// <summary>The spec's <c>info.version</c> (the Clerk API version the SDK was generated from).</summary>
    public string Version { get; }

    /// <summary>Every operation of the spec.</summary>
    public IEnumerable<SpecOperation> Operations => _operations.Values;

    /// <summary>The operation with this id (<c>Users_Get</c>); throws when the spec has none (a fake route naming a missing operation).</summary>
    public SpecOperation Operation(string operationId) =>
        _operations.TryGetValue(operationId, out var op) ? op : throw new InvalidOperationException($"The Backend API spec has no operation '{operationId}'.");

    /// <summary>A schema with <c>$ref</c> followed (one level at a time, as often as needed).</summary>
    public JObject Resolve(JObject schema)
    {
        var current = schema;
        for (var depth = 0; current["$ref"] is JValue reference && depth < 16; depth++)
        {
            current = Component((string)reference!);
        }
        return current;
    }

    private JObject Component(string reference)
    {
        const string schemaPrefix = "#/components/schemas/";
        const string parameterPrefix = "#/components/parameters/";
        if (reference.StartsWith(schemaPrefix, StringComparison.Ordinal) && _schemas[reference[schemaPrefix.Length..]] is JObject schema)
        {
            return schema;
        }
        if (reference.StartsWith(parameterPrefix, StringComparison.Ordinal) && _parameters[reference[parameterPrefix.Length..]] is JObject parameter)
        {
            return parameter;
        }
        throw new InvalidOperationException($"The Backend API spec has no component '{reference}'.");
    }

    private List<SpecParameter> ReadParameters(JObject op)
    {
        var list = new List<SpecParameter>();
        foreach (var item in op["parameters"]?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
        {
            var parameter = Resolve(item);
            var schema = parameter["schema"] is JObject s ? Resolve(s) : new JObject();
            list.Add(new SpecParameter((string)parameter["name"]!, (string)parameter["in"]!, parameter["required"]?.Value<bool>() == true, schema));
        }
        return list;
    }

    private static HashSet<int> Statuses(JObject op) =>
        (op["responses"] as JObject)?.Properties().Select(p => int.TryParse(p.Name, out var code) ? code : 0).Where(c => c > 0).ToHashSet() ?? [];

    private JObject? BodySchema(JObject op) =>
        op["requestBody"]?["content"]?["application/json"]?["schema"] is JObject schema ? Resolve(schema) : null;

    private static SpecDocument Load()
    {
        const string name = "Clerk.Testing.BackendApi.mock.json";
        using var stream = typeof(SpecDocument).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded spec '{name}' is missing from Clerk.Sdk.Testing.");
        using var reader = new JsonTextReader(new StreamReader(stream)) { DateParseHandling = DateParseHandling.None };
        return new SpecDocument(JObject.Load(reader));
    }
}
