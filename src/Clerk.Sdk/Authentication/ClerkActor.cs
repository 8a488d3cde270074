using System.Text.Json;

namespace Clerk.Authentication;

/// <summary>The <c>act</c> claim of an actor token: who is acting on behalf of the user (impersonation).</summary>
public sealed class ClerkActor
{
    internal ClerkActor(JsonElement claim)
    {
        Claim = claim;
        Subject = JsonClaims.GetString(claim, "sub"u8);
        Issuer = JsonClaims.GetString(claim, "iss"u8);
        SessionId = JsonClaims.GetString(claim, "sid"u8);
    }

    /// <summary>The id of the acting user (<c>act.sub</c>), e.g. an admin impersonating <see cref="ClerkSessionClaims.UserId"/>.</summary>
    public string? Subject { get; }

    /// <summary>Where the actor came from (<c>act.iss</c>), e.g. the Dashboard URL, when present.</summary>
    public string? Issuer { get; }

    /// <summary>The actor's own session id (<c>act.sid</c>), when present.</summary>
    public string? SessionId { get; }

    /// <summary>The whole <c>act</c> claim as sent.</summary>
    public JsonElement Claim { get; }

    /// <summary>Returns the actor's subject.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"ClerkActor({Subject})";
}
