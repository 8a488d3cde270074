using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Clerk.Authentication;

/// <summary>A verified machine token: an API key, an M2M token or an OAuth access token.</summary>
public sealed class ClerkMachineAuth
{
    internal ClerkMachineAuth(ClerkTokenType tokenType, string id, string subject)
    {
        TokenType = tokenType;
        Id = id;
        Subject = subject;
    }

    /// <summary>The kind of machine token.</summary>
    public ClerkTokenType TokenType { get; }

    /// <summary>The token's id (<c>ak_...</c>, <c>mt_...</c>, <c>oat_...</c> object id, or the JWT's <c>jti</c>).</summary>
    public string Id { get; }

    /// <summary>Who the token acts for: a user or organization id (API keys, OAuth) or a machine id <c>mch_...</c> (M2M).</summary>
    public string Subject { get; }

    /// <summary>The API key's name, when known.</summary>
    public string? Name { get; init; }

    /// <summary>The OAuth client id, for OAuth access tokens.</summary>
    public string? ClientId { get; init; }

    /// <summary>The granted scopes (OAuth scopes, or the machine ids an M2M token may call).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

    /// <summary>The token's custom claims, when any.</summary>
    public JsonElement? Claims { get; init; }

    /// <summary>When the token expires; null when it does not.</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>True when the token was a JWT verified locally (no Backend API call), false when Clerk's verify endpoint answered.</summary>
    public bool VerifiedLocally { get; init; }

    /// <summary>Returns the kind and ids (never the token).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"ClerkMachineAuth({TokenType}, Id={Id}, Subject={Subject})";
}
