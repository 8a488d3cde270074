using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Sdk.ConformanceTests.Prism;
using Clerk.Sdk.ConformanceTests.Spec;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.Invocation;

/// <summary>
/// What one exchange must satisfy: no request violation from Prism (header or problem body), no spec defect Prism
/// exposed, only query names the spec defines for the operation (Prism ignores unknown ones), and a body of the spec's
/// media type and JSON type (Prism reads a JSON <c>null</c> body as no body, so it cannot see that one).
/// </summary>
internal static class ExchangeChecks
{
    /// <param name="operation">The operation of the normalized spec (query names).</param>
    /// <param name="mock">The mock document (request bodies, multipart ones included).</param>
    /// <param name="exchange">The request and response.</param>
    public static List<string> Check(SpecOperation operation, ApiSpec mock, Exchange exchange)
    {
        var failures = new List<string>(exchange.Problems);
        failures.AddRange(PrismViolations.FromHeader(exchange.ViolationsHeader).Select(v => $"Prism: {v}"));
        failures.AddRange(PrismViolations.SpecDefects(exchange.ViolationsHeader).Select(v => $"Prism found a spec defect (fix it with an overlay in openapi/overlays/bapi): {v}"));
        var fromBody = PrismViolations.FromProblemBody(exchange.ResponseBody);
        failures.AddRange(fromBody.Select(v => $"Prism: {v}"));
        if (fromBody.Count == 0 && PrismViolations.ProblemOf(exchange.ResponseBody) is { } problem)
        {
            failures.Add($"Prism: {problem["title"]}: {problem["detail"]}");
        }
        failures.AddRange(BodyShape(operation, mock, exchange));
        var specQueryNames = operation.QueryNames.ToHashSet(StringComparer.Ordinal);
        foreach (var name in QueryNames(exchange.SdkUri).Where(n => !specQueryNames.Contains(n)).Distinct())
        {
            failures.Add($"query parameter '{name}' is not a parameter of {operation.Id} in the spec (spec: {string.Join(", ", specQueryNames.Order())})");
        }
        if (failures.Count > 0) failures.Add($"exchange: {exchange}");
        return failures;
    }

    public static JToken? TryParse(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> BodyShape(SpecOperation operation, ApiSpec mock, Exchange exchange)
    {
        var sent = exchange.RequestBody.Length > 0;
        // The mock document keeps multipart bodies as bodies (the normalized one turns them into form parameters).
        if ((mock.ById.TryGetValue(operation.Id, out var withBody) ? withBody.Body : operation.Body) is not { } body)
        {
            if (sent) yield return $"the SDK sent a body ({exchange.RequestContentType}) to {operation.Id}, which has no request body in the spec";
            yield break;
        }
        if (!sent) yield break;
        var mediaType = exchange.RequestContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, body.MediaType, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"the SDK sent the body as {exchange.RequestContentType ?? "(no content type)"}, the spec's body is {body.MediaType}";
        }
        if (body.MediaType != "application/json") yield break;
        var json = TryParse(exchange.RequestBody);
        var type = (string?)mock.Resolve(body.Schema)["type"];
        if (json is null) yield return "the SDK sent a JSON body that does not parse";
        else if (type == "object" && json is not JObject) yield return $"the SDK sent a JSON {json.Type} body ({Shorten(exchange.RequestBody)}) where the spec's body is an object";
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";

    private static IEnumerable<string> QueryNames(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => Uri.UnescapeDataString(pair.Split('=')[0]));
}
