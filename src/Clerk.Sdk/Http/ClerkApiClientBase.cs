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

    /// <summary>What the spec says about each operation (credentials, form media type, result, redirect); set by the facade with <see cref="RequestHeaders"/>.</summary>
    internal ClerkOperationTraitTable? Operations { get; set; }

    /// <summary>Called by the generated code before the URL is final; nothing to do here.</summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request being built.</param>
    /// <param name="urlBuilder">The URL being built.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A completed task.</returns>
    protected virtual Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Called by the generated code with the final URL: looks up what the spec says about the operation
    /// (<see cref="ClerkOperationTraits"/>), adds the Clerk headers and the credentials the operation accepts, accepts
    /// JSON errors beside a non-JSON result, leaves out an optional JSON body that was not given (the generated code
    /// would send the JSON text <c>null</c>) or sends <c>{}</c> where the spec requires a body without required fields,
    /// sends the form of a urlencoded operation as one (the generated code builds
    /// every form as multipart) and quotes multipart field names (RFC 7578).
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="url">The final URL.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is ready.</returns>
    protected virtual async Task PrepareRequestAsync(HttpClient client, HttpRequestMessage request, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = Operations?.Find(request);
        RequestHeaders?.Apply(request, operation);
        // Clerk's errors are JSON whatever an operation returns on success (an HTML page): accept both.
        if (operation?.ReturnsText == true && !request.Headers.Accept.Any(a => a.MediaType is "application/json" or "*/*"))
        {
            request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/json", 0.9));
        }
        if (await RequestBodies.IsJsonNullAsync(request.Content, cancellationToken).ConfigureAwait(false))
        {
            request.Content!.Dispose();
            request.Content = null;
        }
        if (request.Content is null && operation?.EmptyBody == true)
        {
            // The spec requires a body, and none of its fields: the caller left it out, the server gets {}.
            request.Content = RequestBodies.EmptyJsonObject();
        }
        if (operation?.SendsUrlEncodedForm == true)
        {
            request.Content = await UrlEncodedForms.FromMultipartAsync(request.Content, cancellationToken).ConfigureAwait(false);
        }
        MultipartFieldHeaders.Normalize(request.Content);
    }

    /// <summary>
    /// Called by the generated code with the response, before it reads it: throws <see cref="ClerkApiException"/> unless
    /// it is a success or the redirect of an operation that succeeds with one. That redirect is marked as the 200 the
    /// generated code reads the result of, a <see cref="ClerkRedirect"/> that <see cref="ClerkResponseReader"/> builds
    /// from the response (as it returns a text result that is not JSON, an HTML page, as the text).
    /// </summary>
    /// <param name="client">The HTTP client.</param>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>A task that completes when the response is accepted.</returns>
    protected virtual async Task ProcessResponseAsync(HttpClient client, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        // Found again from the request (as logs do, without allocating; keeping it on the request would cost every call
        // an options dictionary), and only when needed: a redirect, or headers that read responses (client tokens).
        var operation = (RequestHeaders?.ReadsResponses == true || (int)response.StatusCode is >= 300 and < 400) && response.RequestMessage is { } sent ? Operations?.Find(sent) : null;
        RequestHeaders?.OnResponse(response, operation);
        // An operation that succeeds with a redirect returns it (a ClerkRedirect, built by ClerkResponseReader from
        // the response): the generated code reads a result only for the 200 the spec tool gave the operation.
        if (operation?.Redirect == true && (int)response.StatusCode is >= 200 and < 400)
        {
            response.RequestMessage!.Options.Set(ClerkRequestOptions.Redirect, ClerkRedirect.From(response));
            response.StatusCode = System.Net.HttpStatusCode.OK;
            return;
        }
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
        var attempts = response.RequestMessage is { } attempted ? ClerkRequestOptions.AttemptsOf(attempted) : 1;
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
