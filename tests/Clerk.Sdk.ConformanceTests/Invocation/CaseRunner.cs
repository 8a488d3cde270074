using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using Clerk.Sdk.ConformanceTests.Prism;
using Clerk.Sdk.TestKit.Spec;
using Clerk.Sdk.ConformanceTests.Synthesis;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.Invocation;

/// <summary>
/// Runs one case: binds the facade method, calls it through a fresh facade of the API (<see cref="ClerkClient"/>,
/// <see cref="ClerkFrontendClient"/>) whose HttpClient captures the exchange and forwards it to a Prism server, and
/// returns every failure found (empty = pass).
/// </summary>
internal static class CaseRunner
{
    /// <summary>Checks (1) no request violation, (2) only spec query names, (3) the response deserializes.</summary>
    public static async Task<List<string>> SucceedAsync(ConformanceApi api, SpecOperation operation, Variant variant, PrismServer server)
    {
        var failures = new List<string>();
        var (call, handler) = Bind(api, operation, variant, server, prefer: null, failures);
        if (call is null) return failures;
        try
        {
            var result = await call.InvokeAsync().ConfigureAwait(false);
            if (call.ResultType is not null && result is null) failures.Add($"{call.Signature} returned null for {call.ResultType.Name}");
            if (call.ResultType is not null && call.ResultType != typeof(string)) ConformanceSummary.RecordStrict(api, missing: false);
        }
        catch (ClerkMissingFieldException ex) when (IsSamplerDepthLimit(ex, handler))
        {
            // Prism's static example generator stops at a fixed depth and writes {} for a deeper object (it does for
            // Billing statements' unit_prices[].tiers[].fee_per_block): neither a spec nor an SDK finding.
            ConformanceSummary.RecordStrict(api, missing: true, samplerArtifact: true);
        }
        catch (ClerkMissingFieldException ex)
        {
            // The client is strict (StrictResponses): Prism answered without a field the spec requires.
            ConformanceSummary.RecordStrict(api, missing: true);
            failures.Add($"{call.Signature}: {ex.Message}");
            if (handler.Exchanges.LastOrDefault() is { } exchange) failures.Add($"exchange: {exchange}");
        }
        catch (ClerkApiException ex)
        {
            failures.Add($"{call.Signature} threw ClerkApiException: {ex.Message}{(ex.InnerException is null ? "" : " <- " + ex.InnerException.Message)}");
        }
        catch (HttpRequestException ex)
        {
            failures.Add($"{call.Signature} could not reach Prism: {ex.Message}. {server.Health()}");
            await server.RestartIfExitedAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures.Add($"{call.Signature} threw {ex.GetType().Name}: {ex.Message}");
        }
        CheckExchanges(api, operation, handler, failures);
        if (variant == Variant.Nulls) CheckNullsSent(api, call, handler, failures);
        return failures;
    }

    /// <summary>Whether the object that lacks the field is an empty object <c>{}</c> in the body Prism generated.</summary>
    private static bool IsSamplerDepthLimit(ClerkMissingFieldException missing, CaptureHandler handler) =>
        !missing.WasNull &&
        missing.InnerException is Newtonsoft.Json.JsonSerializationException { Path: { Length: > 0 } path } &&
        handler.Exchanges.LastOrDefault() is { } exchange &&
        ExchangeChecks.TryParse(exchange.ResponseBody)?.SelectToken(path) is JObject { Count: 0 };

    /// <summary>Checks (5): every body property the case set to null went out as JSON null (Prism validated it against <c>nullable</c>).</summary>
    private static void CheckNullsSent(ConformanceApi api, OperationCall call, CaptureHandler handler, List<string> failures)
    {
        var nulls = call.SampledBody?.SelectTokens("$..*").Where(t => t.Type == JTokenType.Null).Select(t => t.Path).ToList() ?? [];
        if (handler.Exchanges.LastOrDefault() is not { } exchange || ExchangeChecks.TryParse(exchange.RequestBody) is not { } sent) return;
        var missing = nulls.Where(path => sent.SelectToken(path) is not { Type: JTokenType.Null }).ToList();
        foreach (var path in missing) failures.Add($"{call.Signature}: the body property '{path}' was assigned null but not sent as null");
        ConformanceSummary.RecordNulls(api, nulls.Count - missing.Count);
    }

    /// <summary>Checks (4): a response forced with <c>Prefer: code=N</c> becomes a ClerkApiException with that status and the body's error codes.</summary>
    public static async Task<List<string>> FailAsync(ConformanceApi api, SpecOperation operation, int status, PrismServer server)
    {
        var failures = new List<string>();
        var (call, handler) = Bind(api, operation, Variant.Required, server, prefer: $"code={status}", failures);
        if (call is null) return failures;
        ClerkApiException? error = null;
        try
        {
            await call.InvokeAsync().ConfigureAwait(false);
            failures.Add($"{call.Signature} returned normally for a forced {status}");
        }
        catch (ClerkApiException ex)
        {
            error = ex;
        }
        catch (HttpRequestException ex)
        {
            failures.Add($"{call.Signature} could not reach Prism: {ex.Message}. {server.Health()}");
            await server.RestartIfExitedAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failures.Add($"{call.Signature} threw {ex.GetType().Name} instead of ClerkApiException: {ex.Message}");
        }
        CheckExchanges(api, operation, handler, failures);
        if (error is not null && handler.Exchanges.LastOrDefault() is { } exchange)
        {
            var before = failures.Count;
            if ((int)error.StatusCode != status) failures.Add($"ClerkApiException.StatusCode is {(int)error.StatusCode}, Prism answered {status}");
            var expected = ErrorCodes(exchange.ResponseBody);
            var actual = error.Errors.Select(e => e.Code).ToList();
            if (!expected.SequenceEqual(actual)) failures.Add($"ClerkApiException.Errors codes [{string.Join(", ", actual)}], the body has [{string.Join(", ", expected)}]");
            if (error.Code != expected.FirstOrDefault()) failures.Add($"ClerkApiException.Code is '{error.Code}', the body's first code is '{expected.FirstOrDefault()}'");
            var isClerkJson = ExchangeChecks.TryParse(exchange.ResponseBody) is JObject { } root && root["errors"] is JArray;
            if (!isClerkJson && !string.IsNullOrWhiteSpace(exchange.ResponseBody) && error.BodyExcerpt is null)
            {
                failures.Add("a body that is not Clerk error JSON was not kept in BodyExcerpt");
            }
            if (failures.Count > before) failures.Add($"exchange: {exchange}");
        }
        return failures;
    }

    private static (OperationCall? Call, CaptureHandler Handler) Bind(ConformanceApi api, SpecOperation operation, Variant variant, PrismServer server, string? prefer, List<string> failures)
    {
        var handler = new CaptureHandler(ConformanceEnvironment.Connections(api), server.BaseUrl, api.Normalized.ServerBasePath, prefer);
        // Not disposed: the handler would dispose the shared connection pool it wraps.
        var http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
        var clerk = api.CreateClient(server.BaseUrl, http);
        try
        {
            var call = OperationCall.Bind(clerk, operation, api.Normalized, variant);
            failures.AddRange(call.Problems);
            return (call, handler);
        }
        catch (Exception ex) when (ex is MissingMemberException or NotSupportedException or TargetInvocationException or Newtonsoft.Json.JsonException)
        {
            failures.Add($"could not call {operation}: {ex.GetBaseException().Message}");
            return (null, handler);
        }
    }

    private static void CheckExchanges(ConformanceApi api, SpecOperation operation, CaptureHandler handler, List<string> failures)
    {
        var exchanges = handler.Exchanges.ToList();
        if (exchanges.Count != 1) failures.Add($"expected one request, the SDK sent {exchanges.Count}");
        foreach (var exchange in exchanges) failures.AddRange(ExchangeChecks.Check(operation, api.Mock, exchange, api.Expectations));
    }

    private static List<string> ErrorCodes(string body) =>
        ExchangeChecks.TryParse(body) is JObject { } root && root["errors"] is JArray errors
            ? errors.OfType<JObject>().Select(e => e["code"]?.ToString() ?? "").ToList()
            : [];
}
