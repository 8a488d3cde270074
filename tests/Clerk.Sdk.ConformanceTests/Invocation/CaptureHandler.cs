using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Sdk.ConformanceTests.Prism;

namespace Clerk.Sdk.ConformanceTests.Invocation;

/// <summary>
/// Sits in the SDK's HttpClient: records each request and response (<see cref="Exchange"/>), checks the SDK kept the
/// server's base path (the Backend API's <c>/v1</c>; the Frontend API has none, its paths start with <c>/v1/</c>) and
/// sends the request to Prism, which serves the spec's paths at its root. An optional <c>Prefer</c> header
/// (<c>code=404</c>) makes Prism answer with that response of the spec.
/// </summary>
internal sealed class CaptureHandler(HttpMessageHandler inner, Uri prismRoot, string serverBasePath, string? prefer) : DelegatingHandler(inner)
{
    public ConcurrentQueue<Exchange> Exchanges { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sdkUri = request.RequestUri ?? throw new InvalidOperationException("The SDK sent a request without a URL");
        string body = "";
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            body = Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
        var exchange = new Exchange
        {
            Method = request.Method.Method,
            SdkUri = sdkUri,
            RequestContentType = request.Content?.Headers.ContentType?.ToString(),
            RequestBody = body,
            AuthorizationScheme = request.Headers.Authorization?.Scheme,
        };
        Exchanges.Enqueue(exchange);

        var path = sdkUri.AbsolutePath;
        if (!path.StartsWith(serverBasePath + "/", StringComparison.Ordinal))
        {
            exchange.Problems.Add($"the SDK sent {path}, outside the spec's server path {serverBasePath}/");
        }
        else
        {
            path = path[serverBasePath.Length..];
        }
        request.RequestUri = new Uri(prismRoot, path + sdkUri.Query);
        if (prefer is not null) request.Headers.TryAddWithoutValidation("Prefer", prefer);

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        exchange.Status = response.StatusCode;
        exchange.ResponseContentType = response.Content.Headers.ContentType?.ToString();
        exchange.ResponseBody = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        exchange.ViolationsHeader = response.Headers.TryGetValues(PrismViolations.Header, out var values) ? string.Join(",", values) : null;
        return response;
    }
}
