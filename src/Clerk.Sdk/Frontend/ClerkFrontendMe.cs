using Clerk.FrontendApi;

namespace Clerk;

/// <summary>The signed-in user's own resources on the Frontend API (<c>/v1/me/...</c>).</summary>
public sealed class ClerkFrontendMe
{
    private readonly ClerkFrontendClient _client;

    internal ClerkFrontendMe(ClerkFrontendClient client) => _client = client;

    /// <summary>The user's sessions: <c>ListActiveAsync()</c>, <c>ListAsync()</c>, <c>RevokeAsync(sessionId)</c>.</summary>
    public IActiveSessionsClient Sessions => _client.ActiveSessions;
}
