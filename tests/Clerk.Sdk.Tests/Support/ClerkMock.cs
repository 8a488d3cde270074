using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Support;

/// <summary>
/// MockHttp helpers shared by the seed and robustness tests: a handler whose unmatched requests fail with a match
/// summary, a client wired to it, and an expectation that pins method, URL, query, Clerk headers and JSON body.
/// </summary>
internal static class ClerkMock
{
    /// <summary>A secret key shaped like a real one; tests check it is sent and never printed.</summary>
    public const string SecretKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dcWv5fSeed0ZkQ";

    public const string ApiBase = "https://api.clerk.com/v1";

    public const string ApiVersion = "2025-11-10";

    /// <summary>A handler that throws a summary of every attempted match for a request no expectation matched.</summary>
    public static MockHttpMessageHandler NewHandler()
    {
        var mock = new MockHttpMessageHandler();
        mock.Fallback.ThrowMatchSummary();
        return mock;
    }

    /// <summary>A client over the mock. Retries are off: these tests map one response; Resilience/ tests retries.</summary>
    public static ClerkClient NewClient(MockHttpMessageHandler mock) =>
        new(new ClerkClientOptions { SecretKey = SecretKey, HttpMessageHandler = mock, Retry = new ClerkRetryOptions { MaxRetries = 0 } });

    /// <summary>
    /// Expects one request: exact method and URL path under <see cref="ApiBase"/>, the exact query string
    /// (<paramref name="exactQuery"/>; null means no query string at all), and the Clerk headers.
    /// </summary>
    public static MockedRequest ExpectClerk(this MockHttpMessageHandler mock, HttpMethod method, string path, string? exactQuery = null)
    {
        var request = mock.Expect(method, ApiBase + path)
            .With(new DescribedMatcher($"path is exactly /v1{path}", m => m.RequestUri!.AbsolutePath == "/v1" + path))
            .WithHeaders("Authorization", "Bearer " + SecretKey)
            .WithHeaders("Clerk-API-Version", ApiVersion)
            .With(new DescribedMatcher("User-Agent contains Clerk.Sdk/", m => m.Headers.UserAgent.ToString().Contains("Clerk.Sdk/", StringComparison.Ordinal)));
        return exactQuery is null
            ? request.With(new DescribedMatcher("no query string", m => string.IsNullOrEmpty(m.RequestUri!.Query)))
            : request.WithExactQueryString(exactQuery);
    }

    /// <summary>The request body is JSON (application/json) equal to <paramref name="expectedJson"/> (JToken.DeepEquals).</summary>
    public static MockedRequest WithJsonBody(this MockedRequest request, string expectedJson) => request.With(new JsonBodyMatcher(expectedJson));

    /// <summary>The request has no body (or an empty one).</summary>
    public static MockedRequest WithoutBody(this MockedRequest request) =>
        request.With(new DescribedMatcher("no request body", m => m.Content is null || ReadBody(m).Length == 0));

    public static void RespondJson(this MockedRequest request, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        request.Respond(status, "application/json", json);

    /// <summary>Parses JSON without turning date-like strings into dates.</summary>
    public static JToken ParseJson(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>Serializes a model the way the SDK does (its attributes decide names and null handling).</summary>
    public static JObject ToJObject(object model) => (JObject)ParseJson(JsonConvert.SerializeObject(model));

    /// <summary>A Clerk error body (<c>{"errors":[...],"clerk_trace_id":...}</c>).</summary>
    public static string ClerkErrorJson(string code, string message, string longMessage, string paramName, string? traceId) =>
        new JObject
        {
            ["errors"] = new JArray(new JObject
            {
                ["code"] = code,
                ["message"] = message,
                ["long_message"] = longMessage,
                ["meta"] = new JObject { ["param_name"] = paramName },
            }),
            ["clerk_trace_id"] = traceId is null ? null : (JToken)traceId,
        }.ToString(Formatting.None);

    internal static string ReadBody(HttpRequestMessage message) =>
        message.Content is null ? string.Empty : message.Content.ReadAsStringAsync().GetAwaiter().GetResult();

    /// <summary>A custom matcher that names itself in MockHttp's match summary.</summary>
    private sealed class DescribedMatcher(string description, Func<HttpRequestMessage, bool> predicate) : IMockedRequestMatcher
    {
        public bool Matches(HttpRequestMessage message) => predicate(message);

        public override string ToString() => description;
    }

    /// <summary>Compares the request body with the expected JSON; its description shows what was sent.</summary>
    private sealed class JsonBodyMatcher(string expectedJson) : IMockedRequestMatcher
    {
        private readonly JToken _expected = ParseJson(expectedJson);
        private string _lastSeen = "<nothing yet>";

        public bool Matches(HttpRequestMessage message)
        {
            if (message.Content is null)
            {
                _lastSeen = "<no content>";
                return false;
            }
            var body = ReadBody(message);
            var mediaType = message.Content.Headers.ContentType?.MediaType;
            _lastSeen = $"{mediaType}: {body}";
            if (mediaType != "application/json")
            {
                return false;
            }
            try
            {
                return JToken.DeepEquals(_expected, ParseJson(body));
            }
            catch (JsonReaderException)
            {
                return false;
            }
        }

        public override string ToString() => $"JSON body {_expected.ToString(Formatting.None)} (sent: {_lastSeen})";
    }
}

/// <summary>Checks that a text never contains a secret, however it is cased or trimmed.</summary>
internal static class SecretAssert
{
    public static bool Leaks(string? text, string secret)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrWhiteSpace(secret)) return false;
        var candidates = new[] { secret, secret.Trim() }
            .Concat(secret.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length >= 10)
            .Distinct();
        return candidates.Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));
    }
}
