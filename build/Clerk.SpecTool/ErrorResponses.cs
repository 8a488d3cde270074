using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Non-2xx responses are mapped by one handwritten mapper (ClerkApiException) instead of one generated branch per status
/// per operation; keeping them would also make NSwag emit a generic exception type. The SDK's document only: the mock
/// server keeps them (so <c>Prefer: code=404</c> returns the spec's error body).
/// </summary>
public static class ErrorResponses
{
    /// <summary>Removes every non-2xx response; returns how many.</summary>
    public static int Strip(JObject document)
    {
        var count = 0;
        foreach (var (_, _, operation) in SpecDocument.Operations(document))
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
}
