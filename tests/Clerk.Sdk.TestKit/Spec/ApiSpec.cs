using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.TestKit.Spec;

/// <summary>
/// An OpenAPI document the build wrote (normalized or mock), with its operations and <c>$ref</c> resolution: the one spec
/// reader of the tests (the conformance suite, the convention tests). The fake reads its own embedded copy.
/// </summary>
public sealed class ApiSpec
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

    private ApiSpec(JObject document)
    {
        Document = document;
        Operations = ReadOperations().ToList();
        ById = Operations.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    public JObject Document { get; }

    /// <summary>Every operation in document order.</summary>
    public IReadOnlyList<SpecOperation> Operations { get; }

    public IReadOnlyDictionary<string, SpecOperation> ById { get; }

    /// <summary>
    /// The path prefix of the first server (<c>/v1</c> for <c>https://api.clerk.com/v1</c>; empty for the Frontend API's
    /// <c>https://{domain}.clerk.accounts.dev</c>, whose paths carry <c>/v1</c>), without a trailing slash. Server
    /// variables take their defaults.
    /// </summary>
    public string ServerBasePath
    {
        get
        {
            if (Document["servers"]?[0] is not JObject server || server["url"]?.ToString() is not { } url) return "";
            foreach (var variable in (server["variables"] as JObject)?.Properties() ?? [])
            {
                url = url.Replace("{" + variable.Name + "}", variable.Value["default"]?.ToString() ?? "", StringComparison.Ordinal);
            }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw new InvalidDataException($"The server URL '{url}' is not absolute");
            return uri.AbsolutePath.TrimEnd('/');
        }
    }

    /// <summary>
    /// The security requirements of an operation (its own, else the document's), each the list of its schemes
    /// (<c>components.securitySchemes</c> objects): the Frontend API's <c>[ProductionNativeApp, ProductionNativeFlag]</c>
    /// is one requirement of two schemes; an empty requirement allows anonymous calls; no requirement at all means the
    /// operation is public.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<JObject>> SecurityRequirements(SpecOperation operation)
    {
        var security = operation.Security ?? Document["security"] as JArray ?? new JArray();
        var schemes = Document["components"]?["securitySchemes"] as JObject ?? new JObject();
        return security.OfType<JObject>()
            .Select(requirement => (IReadOnlyList<JObject>)requirement.Properties()
                .Select(p => schemes[p.Name] as JObject ?? throw new InvalidDataException($"{operation} uses security scheme '{p.Name}', which is not defined"))
                .ToList())
            .ToList();
    }

    /// <summary>A document already in memory (the suite's own tests build small ones).</summary>
    public static ApiSpec FromDocument(JObject document) => new(document);

    public static ApiSpec Load(string path)
    {
        using var reader = new JsonTextReader(File.OpenText(path)) { DateParseHandling = DateParseHandling.None };
        return new ApiSpec((JObject)JToken.ReadFrom(reader));
    }

    /// <summary>Follows <c>$ref</c> (local JSON pointers) until a node without one.</summary>
    public JObject Resolve(JObject node)
    {
        for (var hops = 0; node["$ref"] is JValue { Type: JTokenType.String } reference && hops < 32; hops++)
        {
            var pointer = (string)reference!;
            if (!pointer.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException($"Only local $refs are supported: {pointer}");
            JToken? target = Document;
            foreach (var part in pointer[2..].Split('/'))
            {
                target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
            node = target as JObject ?? throw new InvalidDataException($"$ref {pointer} does not resolve to an object");
        }
        return node;
    }

    private IEnumerable<SpecOperation> ReadOperations()
    {
        if (Document["paths"] is not JObject paths) yield break;
        foreach (var path in paths.Properties())
        {
            if (path.Value is not JObject item) continue;
            var shared = (item["parameters"] as JArray ?? new JArray()).OfType<JObject>().Select(Resolve).ToList();
            foreach (var method in HttpMethods)
            {
                if (item[method] is not JObject operation) continue;
                var own = (operation["parameters"] as JArray ?? new JArray()).OfType<JObject>().Select(Resolve).ToList();
                // An operation's parameter overrides a path-level one with the same name and location.
                var parameters = own.Concat(shared.Where(s => !own.Any(o => Same(o, s)))).Select(p => new SpecParameter(p)).ToList();
                var body = operation["requestBody"] is JObject requestBody ? Resolve(requestBody) : null;
                var responses = (operation["responses"] as JObject)?.Properties().Select(r => r.Name).ToList() ?? [];
                yield return new SpecOperation(operation["operationId"]?.ToString() ?? $"{method} {path.Name}", method, path.Name, parameters, body, responses, operation["security"] as JArray)
                {
                    List = ListForms(operation),
                };
            }
        }
    }

    /// <summary>The paging forms the spec tool marked on a list operation (<c>x-clerk-list</c>), or null.</summary>
    private static SpecListForms? ListForms(JObject operation) =>
        operation["x-clerk-list"] is JObject marker
            ? new SpecListForms((string?)marker["method"] ?? "", (string?)marker["itemType"] ?? "", (string?)marker["shape"] ?? "", (string?)marker["paging"] ?? "")
            : null;

    private static bool Same(JObject a, JObject b) =>
        (string?)a["name"] == (string?)b["name"] && (string?)a["in"] == (string?)b["in"];
}
