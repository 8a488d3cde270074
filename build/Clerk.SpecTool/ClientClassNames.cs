using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// A model may not take the name of a generated client class (<c>{Resource}Client</c> / <c>I{Resource}Client</c>):
/// the Frontend API's <c>Client</c> resource and a lifted <c>ClientClient</c> model would not compile. The model gets a
/// <c>Data</c> suffix.
/// </summary>
public static class ClientClassNames
{
    /// <summary>Renames the clashing models; returns their old names.</summary>
    public static IReadOnlyList<string> Avoid(JObject document)
    {
        var clientNames = SpecDocument.Operations(document)
            .Select(o => Json.Str(o.Operation, "operationId"))
            .Where(id => id is not null && id.Contains('_', StringComparison.Ordinal))
            .Select(id => id![..id!.IndexOf('_', StringComparison.Ordinal)] + "Client")
            .SelectMany(name => new[] { name, "I" + name })
            .ToHashSet(StringComparer.Ordinal);
        var map = SpecDocument.Schemas(document).Properties().Select(p => p.Name).Where(clientNames.Contains).ToDictionary(n => n, n => n + "Data", StringComparer.Ordinal);
        if (map.Count > 0) SchemaRefs.RenameAll(document, (name, _) => map.GetValueOrDefault(name, name));
        return map.Keys.ToList();
    }
}
