using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Http;

/// <summary>
/// Base class of every generated Clerk API client (named in <c>nswag.json</c>): adds the Clerk headers to each
/// request and turns every non-success response into a <see cref="ClerkApiException"/> (the one error mapper).
/// </summary>
public abstract class ClerkApiClientBase
{
    /// <summary>Creates the base; the generated constructors call it.</summary>
    protected ClerkApiClientBase()
    {
    }

    /// <summary>What the facade adds to every request (credentials, API version, user agent); set by <see cref="ClerkClient"/> or <see cref="ClerkFrontendClient"/>.</summary>
    internal ClerkRequestHeaders? RequestHeaders { get; set; }

    /// <summary>Called by the generated code before the URL is final; nothing to do here.</summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request being built.</param>
    /// <param name="urlBuilder">The URL being built.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A completed task.</returns>
    protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called by the generated code with the final URL: adds the Clerk headers, leaves out an optional JSON body that
    /// was not given (the generated code would send the JSON text <c>null</c>) and quotes multipart field names (RFC 7578).
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="url">The final URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is ready.</returns>
    protected virtual async Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestHeaders?.Apply(request);
        if (await RequestBodies.IsJsonNullAsync(request.Content, cancellationToken).ConfigureAwait(false))
        {
            request.Content!.Dispose();
            request.Content = null;
        }
        MultipartFieldHeaders.Normalize(request.Content);
    }

    /// <summary>Called by the generated code with the response: throws <see cref="ClerkApiException"/> unless it is a success.</summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels reading the error body.</param>
    /// <returns>A task that completes when the response is accepted.</returns>
    protected virtual async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        RequestHeaders?.OnResponse(response);
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = response.Content is null ? null : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, IEnumerable<string>>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers) headers[header.Key] = header.Value.ToList();
        if (response.Content is not null)
        {
            foreach (var header in response.Content.Headers) headers[header.Key] = header.Value.ToList();
        }
        var attempts = response.RequestMessage?.Options.TryGetValue(ClerkRequestOptions.Attempts, out var made) == true ? made : 1;
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? "Clerk API request failed" : $"Clerk API request failed: {response.ReasonPhrase}";
        var message = $"{reason} ({request(response)})";
        if ((int)response.StatusCode == 429)
        {
            throw new ClerkRateLimitException(message, body, headers, RetryAfterHeader.Read(response, System.TimeProvider.System), attempts);
        }
        throw new ClerkApiException(message, (int)response.StatusCode, body, headers, null, attempts);

        static string request(HttpResponseMessage r) => r.RequestMessage is { } m ? $"{m.Method} {m.RequestUri?.AbsolutePath}" : "request";
    }
}
