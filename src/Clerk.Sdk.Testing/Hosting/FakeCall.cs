using System.Globalization;
using System.Linq;
using Clerk.Testing.Spec;
using Clerk.Testing.Store;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Clerk.Testing.Hosting;

/// <summary>One request to a fake endpoint, already checked against the spec: path and query values, JSON body, API version.</summary>
internal sealed class FakeCall
{
    public FakeCall(FakeInstance instance, SpecOperation operation, HttpContext context, JObject body, string apiVersion)
    {
        Instance = instance;
        Operation = operation;
        Context = context;
        Body = body;
        ApiVersion = apiVersion;
    }

    public FakeInstance Instance { get; }

    public FakeStore Store => Instance.Store;

    public SpecOperation Operation { get; }

    public HttpContext Context { get; }

    /// <summary>The JSON body (an empty object when none was sent).</summary>
    public JObject Body { get; }

    /// <summary>The <c>Clerk-API-Version</c> of the request (the spec's when none was sent).</summary>
    public string ApiVersion { get; }

    public long Now => Store.NowMs;

    /// <summary>A path parameter (decoded).</summary>
    public string Path(string name) => (string)Context.Request.RouteValues[name]!;

    /// <summary>The last value of a query parameter, or null.</summary>
    public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;

    /// <summary>Every value of a repeated query parameter (<c>email_address=a&amp;email_address=b</c>).</summary>
    public string[] QueryAll(string name) => Context.Request.Query.TryGetValue(name, out var values) ? values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray() : [];

    /// <summary>An integer query parameter (validated against the spec already), or <paramref name="fallback"/>.</summary>
    public long QueryLong(string name, long fallback) => Query(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A boolean query parameter (validated against the spec already), or null.</summary>
    public bool? QueryBool(string name) => Query(name) is { } text ? text == "true" : null;

    /// <summary>The body as a generated request model.</summary>
    public T BodyAs<T>() => SpecJson.To<T>(Body);

    /// <summary>Whether the body has the field (even null).</summary>
    public bool Has(string field) => Body.ContainsKey(field);
}
