using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Sdk.ConformanceTests.Prism;
using Clerk.Sdk.TestKit.Spec;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.Invocation;

/// <summary>
/// What one exchange must satisfy: no request violation from Prism (header or problem body), no spec defect Prism
/// exposed, only query names the spec defines for the operation (Prism ignores unknown ones), as a credential of its
/// security (<c>_is_native</c>) or that the facade adds itself (<see cref="RequestExpectations"/>), exactly the
/// credential its security asks for, and a body of the spec's media type and JSON type (Prism reads a JSON <c>null</c>
/// body as no body, so it cannot see that one).
/// </summary>
internal static class ExchangeChecks
{
    /// <param name="operation">The operation of the normalized spec (query names).</param>
    /// <param name="mock">The mock document (request bodies, form ones included; security schemes).</param>
    /// <param name="exchange">The request and response.</param>
    /// <param name="expectations">What the facade adds to requests (nothing, and credentials not checked, when null).</param>
    public static List<string> Check(SpecOperation operation, ApiSpec mock, Exchange exchange, RequestExpectations? expectations = null)
    {
        expectations ??= RequestExpectations.None;
        var failures = new List<string>(exchange.Problems);
        failures.AddRange(PrismViolations.FromHeader(exchange.ViolationsHeader).Select(v => $"Prism: {v}"));
        failures.AddRange(PrismViolations.SpecDefects(exchange.ViolationsHeader).Select(v => $"Prism found a spec defect (fix it with an overlay in {expectations.OverlayDirectory}): {v}"));
        var fromBody = PrismViolations.FromProblemBody(exchange.ResponseBody);
        failures.AddRange(fromBody.Select(v => $"Prism: {v}"));
        if (fromBody.Count == 0 && PrismViolations.ProblemOf(exchange.ResponseBody) is { } problem)
        {
            failures.Add($"Prism: {problem["title"]}: {problem["detail"]}");
        }
        failures.AddRange(BodyShape(operation, mock, exchange));
        var requirements = mock.SecurityRequirements(operation);
        var specQueryNames = operation.QueryNames.ToHashSet(StringComparer.Ordinal);
        // A query credential is declared by the operation's security (the Frontend API's _is_native: ProductionNativeFlag).
        var securityQueryNames = requirements.SelectMany(r => r).Where(s => (string?)s["type"] == "apiKey" && (string?)s["in"] == "query")
            .Select(s => (string?)s["name"] ?? "").ToHashSet(StringComparer.Ordinal);
        var sent = QueryPairs(exchange.SdkUri).ToList();
        foreach (var name in sent.Select(p => p.Name).Where(n => !specQueryNames.Contains(n) && !securityQueryNames.Contains(n) && !expectations.ClientQueryParameters.Contains(n)).Distinct())
        {
            var why = mock.Document["components"]?["securitySchemes"]?.Values().Any(s => (string?)s["name"] == name) == true
                ? $"a credential of a security scheme {operation.Id} does not accept"
                : $"not a parameter of {operation.Id} in the spec (spec: {string.Join(", ", specQueryNames.Order())})";
            failures.Add($"query parameter '{name}' is {why}");
        }
        foreach (var (name, value) in expectations.OnEveryRequest) failures.AddRange(ExactlyOnce(sent, name, value, "on every request"));
        if (expectations.ChecksCredentials) failures.AddRange(Credentials(requirements, expectations, sent, exchange));
        if (failures.Count > 0) failures.Add($"exchange: {exchange}");
        return failures;
    }

    /// <summary>
    /// The credential the operation's security asks for, and no other: a bearer token (with its query parameters) where a
    /// requirement has an HTTP bearer scheme, else HTTP Basic where one has a basic scheme (when the facade has such
    /// credentials), else none (a public or anonymous-only operation must not receive a credential).
    /// </summary>
    private static IEnumerable<string> Credentials(IReadOnlyList<IReadOnlyList<JObject>> requirements, RequestExpectations expectations, List<(string Name, string Value)> sent, Exchange exchange)
    {
        bool Has(string scheme) => requirements.Any(r => r.Any(s => (string?)s["type"] == "http" && string.Equals((string?)s["scheme"], scheme, StringComparison.OrdinalIgnoreCase)));
        var expected = Has("bearer") ? "Bearer" : Has("basic") && expectations.SendsBasic ? "Basic" : null;
        if (!string.Equals(exchange.AuthorizationScheme, expected, StringComparison.OrdinalIgnoreCase))
        {
            yield return expected is null
                ? $"the operation's security accepts no credential the facade has ({Describe(requirements)}), yet it sent Authorization: {exchange.AuthorizationScheme}"
                : $"the operation's security ({Describe(requirements)}) asks for Authorization: {expected}; the facade sent {exchange.AuthorizationScheme ?? "none"}";
        }
        foreach (var (name, value) in expectations.WithBearer)
        {
            if (expected == "Bearer")
            {
                foreach (var failure in ExactlyOnce(sent, name, value, "with its bearer token")) yield return failure;
            }
            else if (sent.Any(p => p.Name == name))
            {
                yield return $"the facade sent {name}, which goes with its bearer token, to an operation that does not take it ({Describe(requirements)})";
            }
        }
    }

    private static IEnumerable<string> ExactlyOnce(List<(string Name, string Value)> sent, string name, string value, string when)
    {
        var values = sent.Where(p => p.Name == name).Select(p => p.Value).ToList();
        if (values.Count != 1 || values[0] != value) yield return $"the facade must send {name}={value} once {when}; it sent [{string.Join(", ", values)}]";
    }

    private static string Describe(IReadOnlyList<IReadOnlyList<JObject>> requirements) =>
        requirements.Count == 0
            ? "public: no security"
            : "security: " + string.Join(" | ", requirements.Select(r => r.Count == 0 ? "anonymous" : string.Join(" + ", r.Select(s => $"{s["type"]}/{s["scheme"] ?? s["in"] + ":" + s["name"]}"))));

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

    private static IEnumerable<(string Name, string Value)> QueryPairs(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : ""));
}
