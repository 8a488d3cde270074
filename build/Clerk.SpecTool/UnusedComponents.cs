using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Responses that only error statuses used are gone once those are stripped: drop them before their inline schemas get
/// names. (<c>components.parameters</c> are inlined by NSwag; schemas referenced nowhere would still generate, harmless.)
/// </summary>
public static class UnusedComponents
{
    /// <summary>Removes the component responses nothing references.</summary>
    public static void Drop(JObject document)
    {
        if (SpecDocument.Components(document)["responses"] is not JObject responses) return;
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
