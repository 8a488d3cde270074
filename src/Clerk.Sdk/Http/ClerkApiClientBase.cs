using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Http;

/// <summary>
/// Base class of every generated Clerk API client (our own client template, <c>build/templates/Client.Class.liquid</c>):
/// the one send path. A generated operation method fills a request from its parameters and hands it, with its
/// operation's descriptor (<see cref="ClerkOperation"/>), to <c>SendAsync</c>, which builds the request message, adds
/// the API's headers and the credential the operation accepts, sends it through the SDK's pipeline, maps every
/// non-success response to <see cref="ClerkApiException"/> (the one error mapper) and reads the result the descriptor
/// names: a JSON model, text, a <see cref="ClerkRedirect"/> or nothing.
/// </summary>
public abstract class ClerkApiClientBase
{
    private readonly ClerkConnection? _connection;

    /// <summary>For mocking: a subclass that overrides the methods it needs; any other call throws <see cref="InvalidOperationException"/>.</summary>
    protected ClerkApiClientBase()
    {
    }

    /// <summary>Creates a client over a facade's connection (the generated constructors do).</summary>
    internal ClerkApiClientBase(ClerkConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>Also keep each success body as text (the SDK streams it into the model without one by default).</summary>
    public bool ReadResponseAsString { get; set; }

    /// <summary>The connection, or an explanation for a mock created without one.</summary>
    internal ClerkConnection Connection =>
        _connection ?? throw new InvalidOperationException($"{GetType().Name} was created for mocking, without a connection: override the methods it should answer.");

    /// <summary>
    /// Called with each request message just before it is sent (the Clerk headers and credential are on it); override
    /// in a partial of one client to act on that resource only. Cross-cutting behaviour belongs in the HTTP pipeline.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="operation">The operation it is for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is ready.</returns>
    protected virtual ValueTask PrepareRequestAsync(HttpRequestMessage request, ClerkOperation operation, CancellationToken cancellationToken) => default;

    /// <summary>Called with each response before it is mapped or read; override in a partial of one client.</summary>
    /// <param name="response">The response.</param>
    /// <param name="operation">The operation it answers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the response may be read.</returns>
    protected virtual ValueTask ProcessResponseAsync(HttpResponseMessage response, ClerkOperation operation, CancellationToken cancellationToken) => default;

    /// <summary>Sends a request and reads its result as <typeparamref name="T"/>.</summary>
    internal async Task<T> SendAsync<T>(ClerkRequestBuilder request, ClerkRequestOptions? options, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, options, cancellationToken).ConfigureAwait(false);
        if (request.Operation.ResultKind == ClerkResultKind.Redirect && typeof(T) == typeof(ClerkRedirect))
        {
            return (T)(object)ClerkRedirect.From(response);
        }
        var (value, text) = await ClerkResponseReader.ReadAsync<T>(response, Connection.ReadSettings, ReadResponseAsString, request.Operation.ToString(), cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            throw new ClerkApiException($"Response was null which was not expected: {request.Operation} returns a result.", (int)response.StatusCode, text, ClerkResponseReader.HeadersOf(response), null, ClerkRequestOptions.AttemptsOf(response.RequestMessage!));
        }
        return value;
    }

    /// <summary>Sends one page request of a list operation and reads either list shape (<see cref="ClerkResponseReader.ReadListAsync{T}"/>).</summary>
    internal async Task<ClerkListResult<T>> SendListAsync<T>(ClerkRequestBuilder request, ClerkRequestOptions? options, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, options, cancellationToken).ConfigureAwait(false);
        return await ClerkResponseReader.ReadListAsync<T>(response, Connection.ReadSettings, request.Operation.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request whose operation returns nothing.</summary>
    internal async Task SendAsync(ClerkRequestBuilder request, ClerkRequestOptions? options, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(ClerkRequestBuilder request, ClerkRequestOptions? options, CancellationToken cancellationToken)
    {
        var connection = Connection;
        var operation = request.Operation;
        options?.Validate();
        using var message = request.ToMessage(connection.BaseUrl, ClerkConnection.JsonSettings, options);
        connection.Headers.Apply(message, operation, options);
        if (options is { HasHeaders: true })
        {
            foreach (var (name, value) in options.Headers)
            {
                if (message.Headers.NonValidated.Contains(name)) message.Headers.Remove(name);
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
        await PrepareRequestAsync(message, operation, cancellationToken).ConfigureAwait(false);
        var response = await connection.HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        try
        {
            connection.Headers.OnResponse(response, operation);
            await ProcessResponseAsync(response, operation, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            // An operation that succeeds with a redirect returns it (ClerkRedirect), a 2xx too (an HttpClient that followed it).
            if (operation.ResultKind == ClerkResultKind.Redirect && status is >= 200 and < 400) return response;
            if (!response.IsSuccessStatusCode) throw await MapErrorAsync(response, operation, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The one error mapper: a non-success response as <see cref="ClerkApiException"/> (<see cref="ClerkRateLimitException"/> for a 429).</summary>
    private static async Task<ClerkApiException> MapErrorAsync(HttpResponseMessage response, ClerkOperation operation, CancellationToken cancellationToken)
    {
        var body = response.Content is null ? null : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = ClerkResponseReader.HeadersOf(response);
        var attempts = response.RequestMessage is { } attempted ? ClerkRequestOptions.AttemptsOf(attempted) : 1;
        var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? "Clerk API request failed" : $"Clerk API request failed: {response.ReasonPhrase}";
        var message = $"{reason} ({operation})";
        if ((int)response.StatusCode == 429)
        {
            return new ClerkRateLimitException(message, body, headers, RetryAfterHeader.Read(response, TimeProvider.System), attempts);
        }
        return new ClerkApiException(message, (int)response.StatusCode, body, headers, null, attempts);
    }
}
