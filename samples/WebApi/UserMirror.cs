using System.Threading;
using System.Threading.Tasks;
using Clerk.AspNetCore;
using Clerk.BackendApi;
using Clerk.Webhooks;
using Microsoft.Extensions.Logging;

namespace WebApi;

/// <summary>Keeps a local copy of Clerk users in step (here: logs what it would write) from <c>user.created</c> and <c>user.updated</c>.</summary>
public sealed class UserMirror : IClerkWebhookHandler<User>
{
    private readonly ILogger<UserMirror> _logger;

    public UserMirror(ILogger<UserMirror> logger)
    {
        _logger = logger;
    }

    public Task HandleAsync(ClerkWebhookEvent<User> webhookEvent, CancellationToken cancellationToken)
    {
        _logger.LogInformation("{Type}: upsert user {UserId}", webhookEvent.Type, webhookEvent.Data?.Id);
        return Task.CompletedTask;
    }
}
