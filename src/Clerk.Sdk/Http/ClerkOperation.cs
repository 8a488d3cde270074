using System;
using System.Net.Http;

namespace Clerk.Http;

/// <summary>
/// What the spec says about one operation, generated once per operation by the spec tool
/// (<c>generated/{Api}.Operations.g.cs</c>) and handed by the generated method to the SDK's one send path: its id
/// (<c>Users.Get</c>), HTTP method, path template, the credentials its security accepts, its request and result media
/// types, whether it succeeds with a redirect and whether it is idempotent. The send path puts it on every request
/// (<see cref="HttpRequestMessage.Options"/>, <see cref="OptionsKey"/>), so handlers, logs and traces know which operation
/// they serve without reading the URL; a handler of your own can read it with <see cref="Of"/>.
/// </summary>
public sealed class ClerkOperation
{
    /// <summary>The key under which the send path puts the descriptor on each request.</summary>
    public static readonly HttpRequestOptionsKey<ClerkOperation> OptionsKey = new("Clerk.Operation");

    private readonly string[] _pathParameters;
    private readonly string[] _pathLiterals;

    /// <summary>Creates a descriptor (the generated operation table does; a test can too).</summary>
    /// <param name="resource">The resource, the facade property (<c>Users</c>).</param>
    /// <param name="name">The method name without <c>Async</c> (<c>Get</c>).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path template relative to the base URL (<c>/users/{user_id}</c>).</param>
    /// <param name="credentials">The credentials the operation's security accepts (<see cref="Credentials"/>), or null when the spec does not say.</param>
    /// <param name="requestMediaType">The media type of the request body, or null for none.</param>
    /// <param name="resultMediaType">The media type of the success result, or null for none.</param>
    /// <param name="resultKind">What the operation returns on success.</param>
    /// <param name="emptyBody">The spec requires a body none of whose fields is required: <c>{}</c> is sent when none is given.</param>
    /// <param name="paging">How a list operation pages, or null for any other operation.</param>
    public ClerkOperation(string resource, string name, string method, string pathTemplate, string? credentials, string? requestMediaType, string? resultMediaType, ClerkResultKind resultKind, bool emptyBody = false, ClerkPagingInfo? paging = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pathTemplate);
        Resource = resource;
        Name = name;
        Id = resource + "." + name;
        Method = HttpMethod.Parse(method);
        PathTemplate = pathTemplate;
        Credentials = credentials;
        RequestMediaType = requestMediaType;
        ResultMediaType = resultMediaType;
        ResultKind = resultKind;
        EmptyBody = emptyBody;
        Paging = paging;
        IsIdempotent = IsIdempotentMethod(Method);
        (_pathLiterals, _pathParameters) = Split(pathTemplate);
    }

    /// <summary>The operation's id: resource and method, <c>Users.Get</c>.</summary>
    public string Id { get; }

    /// <summary>The resource (<c>Users</c>): the facade property, <c>clerk.Users</c>.</summary>
    public string Resource { get; }

    /// <summary>The method name without <c>Async</c> (<c>Get</c>).</summary>
    public string Name { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template relative to the base URL, as in the spec (<c>/users/{user_id}</c>); logs and traces carry this, never the ids.</summary>
    public string PathTemplate { get; }

    /// <summary>
    /// The credentials the operation's security accepts, space-separated: <c>bearer</c> (the secret key; on the
    /// Frontend API a native app's client token), <c>machine</c> (a machine secret key, <c>ak_...</c>), <c>basic</c> (an
    /// OAuth client's id and secret), <c>anonymous</c> (no credential is also accepted); <c>none</c> for a public
    /// endpoint; <c>other</c> for schemes the SDK does not send; null when the spec does not say.
    /// </summary>
    public string? Credentials { get; }

    /// <summary>The media type of the request body (<c>application/json</c>, <c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c>), or null for none.</summary>
    public string? RequestMediaType { get; }

    /// <summary>The media type of the success result (<c>application/json</c>, <c>text/html</c>), or null for none.</summary>
    public string? ResultMediaType { get; }

    /// <summary>What the operation returns on success.</summary>
    public ClerkResultKind ResultKind { get; }

    /// <summary>The spec requires a JSON object body none of whose fields is required: the SDK's parameter is optional and <c>{}</c> is sent when it is not given.</summary>
    public bool EmptyBody { get; }

    /// <summary>How a list operation pages (cursor or offset, page sizes, <c>paginated</c>); null for an operation that is not a list.</summary>
    public ClerkPagingInfo? Paging { get; }

    /// <summary>Whether sending the request twice has the effect of sending it once (GET, HEAD, OPTIONS, PUT, DELETE): the retry handler retries only these unless told otherwise.</summary>
    public bool IsIdempotent { get; }

    /// <summary>The names of the path parameters, in template order (<c>user_id</c>).</summary>
    public System.Collections.Generic.IReadOnlyList<string> PathParameters => _pathParameters;

    /// <summary>The descriptor of the operation a request was sent for, or null for a request the SDK did not build.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The descriptor, or null.</returns>
    public static ClerkOperation? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(OptionsKey, out var operation) ? operation : null;

    /// <summary>Whether the operation accepts a credential kind (<c>bearer</c>, <c>machine</c>, <c>basic</c>); true when its spec does not say.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether it is accepted.</returns>
    public bool Accepts(string kind)
    {
        if (Credentials is null) return true;
        var rest = Credentials.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf(' ');
            var word = end < 0 ? rest : rest[..end];
            if (word.SequenceEqual(kind)) return true;
            rest = end < 0 ? ReadOnlySpan<char>.Empty : rest[(end + 1)..];
        }
        return false;
    }

    /// <summary>Whether the form parameters go out as <c>application/x-www-form-urlencoded</c>.</summary>
    public bool SendsUrlEncodedForm => string.Equals(RequestMediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The log-safe description: <c>Users.Get GET /users/{user_id}</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Id} {Method.Method} {PathTemplate}";

    /// <summary>Whether sending a request of this method twice has the effect of sending it once (GET, HEAD, OPTIONS, PUT, DELETE).</summary>
    internal static bool IsIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete;

    /// <summary>
    /// A log-safe name of a request from its descriptor (<c>Users.Get GET /users/{user_id}</c>), which the send path put
    /// on it; a request the SDK did not build is named by its method only (its path may carry ids).
    /// </summary>
    internal static string Describe(HttpRequestMessage request) =>
        Of(request)?.ToString() ?? $"{request.Method.Method} (a request not built by the SDK)";

    /// <summary>Whether a media type is JSON (<c>application/json</c>, <c>application/problem+json</c>, ...).</summary>
    internal static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The index of a path parameter in template order, or -1.</summary>
    internal int PathParameterIndex(string name) => Array.IndexOf(_pathParameters, name);

    /// <summary>The path with its parameters filled in (escaped), appended without a leading slash.</summary>
    internal void AppendPath(System.Text.StringBuilder builder, string?[]? values)
    {
        for (var i = 0; i < _pathLiterals.Length; i++)
        {
            builder.Append(_pathLiterals[i]);
            if (i < _pathParameters.Length)
            {
                var value = values?[i] ?? throw new ArgumentException($"{Id}: the path parameter '{_pathParameters[i]}' was not given.");
                builder.Append(Uri.EscapeDataString(value));
            }
        }
    }

    /// <summary>Splits <c>/users/{user_id}/x</c> into literals <c>users/</c>, <c>/x</c> and parameters <c>user_id</c>.</summary>
    private static (string[] Literals, string[] Parameters) Split(string template)
    {
        var literals = new System.Collections.Generic.List<string>();
        var parameters = new System.Collections.Generic.List<string>();
        var rest = template.TrimStart('/');
        while (true)
        {
            var open = rest.IndexOf('{', StringComparison.Ordinal);
            var close = open < 0 ? -1 : rest.IndexOf('}', open);
            if (close < 0)
            {
                literals.Add(rest);
                break;
            }
            literals.Add(rest[..open]);
            parameters.Add(rest[(open + 1)..close]);
            rest = rest[(close + 1)..];
        }
        return (literals.ToArray(), parameters.ToArray());
    }
}
