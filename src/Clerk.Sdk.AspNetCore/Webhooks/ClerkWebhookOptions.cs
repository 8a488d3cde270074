using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Clerk.AspNetCore;

/// <summary>
/// The settings and handlers of a Clerk webhook endpoint (<c>app.MapClerkWebhooks("/webhooks/clerk", hooks => ...)</c>):
/// <code>
/// hooks.On&lt;User&gt;(ClerkWebhookEventTypes.UserCreated, async (evt, ct) => await users.InsertAsync(evt.Data!.Id, ct));
/// hooks.On&lt;DeletedObject&gt;(ClerkWebhookEventTypes.UserDeleted, async (evt, http, ct) => await http.RequestServices.GetRequiredService&lt;Db&gt;()...);
/// hooks.OnAny((evt, http, ct) => { logger.LogInformation("{Type}", evt.Type); return Task.CompletedTask; });
/// </code>
/// For each verified event, in this order: the <see cref="On{TData}(string, Func{ClerkWebhookEvent{TData}, CancellationToken, Task})"/>
/// handlers of its type (in the order added), the <see cref="IClerkWebhookHandler{TData}"/> services of its data class, then
/// the <see cref="OnAny"/> handlers. The endpoint answers 200 once they all completed (also when none matched, so Clerk does
/// not retry), 500 when one throws (Clerk retries), 400 when the signature, timestamp or body is not valid (no handler runs).
/// </summary>
public sealed class ClerkWebhookOptions
{
    /// <summary>The default <see cref="MaxBodyBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    private readonly List<(string Type, Func<ClerkWebhookEvent, HttpContext, CancellationToken, Task> Handler)> _handlers = new();
    private readonly List<Func<ClerkWebhookEvent, HttpContext, CancellationToken, Task>> _anyHandlers = new();

    /// <summary>
    /// The endpoint's signing secret (<c>whsec_...</c>, Clerk Dashboard → Webhooks → the endpoint). When null: configuration
    /// <c>Clerk:WebhookSecret</c>, else the environment variable <c>CLERK_WEBHOOK_SECRET</c> (or <c>CLERK_WEBHOOK_SIGNING_SECRET</c>).
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>How far the webhook's timestamp may be from now, either way (default 5 minutes).</summary>
    public TimeSpan Tolerance { get; set; } = ClerkWebhookVerifier.DefaultTolerance;

    /// <summary>The largest body read (default <see cref="DefaultMaxBodyBytes"/>); a larger one is answered 413 without a handler running.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>Handles events of one type with typed data.</summary>
    /// <typeparam name="TData">The event type's data class (<c>user.created</c>: <see cref="Clerk.BackendApi.User"/>; see <see cref="ClerkWebhookEvent.DataTypeOf"/>).</typeparam>
    /// <param name="eventType">The event type, e.g. <c>user.created</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">The event type is unknown to this SDK version (use <see cref="OnAny"/>), or its data is not a <typeparamref name="TData"/>.</exception>
    public ClerkWebhookOptions On<TData>(string eventType, Func<ClerkWebhookEvent<TData>, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return On<TData>(eventType, (evt, _, cancellationToken) => handler(evt, cancellationToken));
    }

    /// <summary>Handles events of one type with typed data; the handler also gets the request (its services, headers such as <c>svix-id</c>).</summary>
    /// <typeparam name="TData">The event type's data class.</typeparam>
    /// <param name="eventType">The event type, e.g. <c>user.created</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">The event type is unknown to this SDK version (use <see cref="OnAny"/>), or its data is not a <typeparamref name="TData"/>.</exception>
    public ClerkWebhookOptions On<TData>(string eventType, Func<ClerkWebhookEvent<TData>, HttpContext, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentNullException.ThrowIfNull(handler);
        var dataType = ClerkWebhookEvent.DataTypeOf(eventType)
            ?? throw new ArgumentException($"'{eventType}' is not an event type this SDK version knows; handle it with OnAny and read ClerkWebhookEvent.Raw.", nameof(eventType));
        if (dataType != typeof(TData))
        {
            throw new ArgumentException($"The data of '{eventType}' is a {dataType.FullName}, not a {typeof(TData).FullName}: use On<{dataType.Name}>(\"{eventType}\", ...).", nameof(eventType));
        }
        _handlers.Add((eventType, (evt, context, cancellationToken) => handler((ClerkWebhookEvent<TData>)evt, context, cancellationToken)));
        return this;
    }

    /// <summary>Handles every verified event, of any type (also types this SDK version does not know: read <see cref="ClerkWebhookEvent.Raw"/>).</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>These options, for chaining.</returns>
    public ClerkWebhookOptions OnAny(Func<ClerkWebhookEvent, HttpContext, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _anyHandlers.Add(handler);
        return this;
    }

    internal IEnumerable<Func<ClerkWebhookEvent, HttpContext, CancellationToken, Task>> HandlersFor(string eventType)
    {
        foreach (var (type, handler) in _handlers)
        {
            if (string.Equals(type, eventType, StringComparison.Ordinal))
            {
                yield return handler;
            }
        }
    }

    internal IReadOnlyList<Func<ClerkWebhookEvent, HttpContext, CancellationToken, Task>> AnyHandlers => _anyHandlers;

    /// <summary>Describes the endpoint's settings without the secret.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"ClerkWebhookOptions(SigningSecret={(string.IsNullOrEmpty(SigningSecret) ? "<from configuration>" : "<set>")}, Tolerance={Tolerance}, MaxBodyBytes={MaxBodyBytes}, Handlers={_handlers.Count + _anyHandlers.Count})";
}
