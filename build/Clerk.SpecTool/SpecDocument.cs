using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>Navigation over an OpenAPI document held as a <see cref="JObject"/>, shared by the passes and writers.</summary>
public static class SpecDocument
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

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

    /// <summary>The document's <c>components</c>, created when missing.</summary>
    public static JObject Components(JObject document) => document.Value<JObject>("components") ?? (JObject)(document["components"] = new JObject());

    /// <summary>The document's <c>components.schemas</c>, created when missing.</summary>
    public static JObject Schemas(JObject document) => Components(document).Value<JObject>("schemas") ?? (JObject)(Components(document)["schemas"] = new JObject());
}
