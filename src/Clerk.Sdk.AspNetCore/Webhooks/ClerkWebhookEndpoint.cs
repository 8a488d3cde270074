using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clerk.AspNetCore;

/// <summary>The request handler behind <c>MapClerkWebhooks</c>: read the body (capped), verify, parse, dispatch.</summary>
internal sealed class ClerkWebhookEndpoint
{
    private static readonly ConcurrentDictionary<Type, Func<ClerkWebhookEvent, IServiceProvider, CancellationToken, Task>> ServiceDispatchers = new();

    private readonly ClerkWebhookOptions _options;
    private readonly ClerkWebhookVerifier _verifier;
    private readonly ILogger _logger;

    public ClerkWebhookEndpoint(ClerkWebhookOptions options, ClerkWebhookVerifier verifier, ILogger logger)
    {
        _options = options;
        _verifier = verifier;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var body = context.Request.ContentLength > _options.MaxBodyBytes ? null : await ReadBodyAsync(context.Request.Body, _options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            _logger.LogWarning("Clerk webhook rejected: the body is over {MaxBodyBytes} bytes", _options.MaxBodyBytes);
            await RespondAsync(context, StatusCodes.Status413PayloadTooLarge, "Webhook rejected: the body is too large.", cancellationToken).ConfigureAwait(false);
            return;
        }
        ClerkWebhookEvent webhookEvent;
        try
        {
            _verifier.Verify(body, name => Header(context.Request, name));
            webhookEvent = ClerkWebhookEvent.Parse(Encoding.UTF8.GetString(body));
        }
        catch (ClerkWebhookException ex)
        {
            _logger.LogWarning("Clerk webhook rejected: {Reason}", ex.Reason);
            await RespondAsync(context, StatusCodes.Status400BadRequest, $"Webhook rejected: {ex.Reason}.", cancellationToken).ConfigureAwait(false);
            return;
        }
        _logger.LogDebug("Clerk webhook {Type} verified", webhookEvent.Type);
        foreach (var handler in _options.HandlersFor(webhookEvent.Type))
        {
            await handler(webhookEvent, context, cancellationToken).ConfigureAwait(false);
        }
        if (webhookEvent.GetType() is { IsGenericType: true } typedEvent)
        {
            // ClerkWebhookEvent<TData>: the IClerkWebhookHandler<TData> services of the request.
            var dispatch = ServiceDispatchers.GetOrAdd(typedEvent.GetGenericArguments()[0], CreateServiceDispatcher);
            await dispatch(webhookEvent, context.RequestServices, cancellationToken).ConfigureAwait(false);
        }
        foreach (var handler in _options.AnyHandlers)
        {
            await handler(webhookEvent, context, cancellationToken).ConfigureAwait(false);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The body, or null when it is over <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(" ", values.ToArray()) : null;

    private static async Task RespondAsync(HttpContext context, int status, string text, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A delegate that calls every <see cref="IClerkWebhookHandler{TData}"/> service for events of one data class.</summary>
    private static Func<ClerkWebhookEvent, IServiceProvider, CancellationToken, Task> CreateServiceDispatcher(Type dataType)
    {
        var method = typeof(ClerkWebhookEndpoint).GetMethod(nameof(DispatchToServicesAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return method.MakeGenericMethod(dataType).CreateDelegate<Func<ClerkWebhookEvent, IServiceProvider, CancellationToken, Task>>();
    }

    private static async Task DispatchToServicesAsync<TData>(ClerkWebhookEvent webhookEvent, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (webhookEvent is not ClerkWebhookEvent<TData> typed)
        {
            return;
        }
        foreach (var handler in services.GetServices<IClerkWebhookHandler<TData>>())
        {
            await handler.HandleAsync(typed, cancellationToken).ConfigureAwait(false);
        }
    }
}
