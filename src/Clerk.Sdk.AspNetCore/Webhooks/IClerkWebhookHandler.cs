using System.Threading;
using System.Threading.Tasks;
using Clerk.Webhooks;

namespace Clerk.AspNetCore;

/// <summary>
/// A webhook handler resolved from the request's services by <c>MapClerkWebhooks</c>: every registered
/// <c>IClerkWebhookHandler&lt;TData&gt;</c> receives each verified event whose data is a <typeparamref name="TData"/>
/// (<c>IClerkWebhookHandler&lt;User&gt;</c>: <c>user.created</c> and <c>user.updated</c>; check
/// <see cref="ClerkWebhookEvent.Type"/>). Register with <c>services.AddScoped&lt;IClerkWebhookHandler&lt;User&gt;, UserSync&gt;()</c>.
/// </summary>
/// <typeparam name="TData">The event data class (<see cref="Clerk.BackendApi.User"/>, <see cref="Clerk.BackendApi.Organization"/>, ...).</typeparam>
public interface IClerkWebhookHandler<TData>
{
    /// <summary>Handles one verified event. An exception answers 500, so Clerk delivers the event again later.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(ClerkWebhookEvent<TData> webhookEvent, CancellationToken cancellationToken);
}
