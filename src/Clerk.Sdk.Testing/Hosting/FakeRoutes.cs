using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Clerk.Http;
using Clerk.Testing.Errors;
using Clerk.Testing.Spec;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace Clerk.Testing.Hosting;

/// <summary>
/// Maps fake endpoints by operation id: method and path come from the spec, so a route cannot drift from it. Each
/// request is checked against the spec (422 on a finding), then handled under the store's lock, and the model it
/// returns is written as the spec's JSON.
/// </summary>
internal sealed class FakeRoutes
{
    private readonly IEndpointRouteBuilder _group;
    private readonly FakeInstance _instance;
    private readonly List<string> _implemented;

    public FakeRoutes(IEndpointRouteBuilder group, FakeInstance instance, List<string> implemented)
    {
        _group = group;
        _instance = instance;
        _implemented = implemented;
    }

    /// <summary>Serves <paramref name="operation"/> (a descriptor of the generated catalog, <c>ClerkOperations.Users_Get</c>) with <paramref name="handler"/>, which returns the response model.</summary>
    public void Map(ClerkOperation operation, Func<FakeCall, object> handler) => Map($"{operation.Resource}_{operation.Name}", handler);

    private void Map(string operationId, Func<FakeCall, object> handler)
    {
        var operation = _instance.Spec.Operation(operationId);
        _implemented.Add(operationId);
        _group.MapMethods(operation.Path, [operation.Method], context => HandleAsync(context, operation, handler));
    }

    private async Task HandleAsync(HttpContext context, SpecOperation operation, Func<FakeCall, object> handler)
    {
        int status;
        string json;
        try
        {
            var body = await ReadBodyAsync(context).ConfigureAwait(false);
            var errors = new List<FakeError>();
            _instance.Validator.CheckQuery(operation, context.Request.Query.ToDictionary(), errors);
            _instance.Validator.CheckBody(operation, body, errors);
            if (errors.Count > 0)
            {
                throw new FakeErrorException(operation.InvalidRequestStatus, errors);
            }
            var call = new FakeCall(_instance, operation, context, body ?? new JObject(), RequestGate.ApiVersionOf(context));
            // The handler and the serialization of what it returns both run under the lock: the models are the state.
            lock (_instance.Store.Gate)
            {
                json = SpecJson.Serialize(handler(call));
            }
            status = 200;
        }
        catch (FakeErrorException ex)
        {
            status = ex.Status;
            json = SpecJson.Serialize(ErrorBody.Create(ex.Errors));
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            // A fake defect, not Clerk behaviour: say so in Clerk's error shape rather than as an empty 500.
            status = 500;
            json = SpecJson.Serialize(ErrorBody.Create([new FakeError("fake_internal_error", "fake error", $"FakeClerkServer failed on {operation.DisplayName}: {ex.GetType().Name}: {ex.Message}")]));
        }
        await WriteAsync(context, status, json).ConfigureAwait(false);
    }

    /// <summary>Writes a status and a model (or JToken) as the spec's JSON.</summary>
    public static Task WriteAsync(HttpContext context, int status, object body) => WriteAsync(context, status, SpecJson.Serialize(body));

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<JObject?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return SpecJson.TryParse(text) as JObject
            ?? throw Faults.BadRequest("malformed_request", "malformed request", "The request body is not a JSON object.");
    }
}
