using System;
using System.Collections.Generic;
using System.Security.Claims;
using Clerk.Authentication;

namespace Clerk.AspNetCore;

/// <summary>Turns a verified <see cref="ClerkRequestState"/> into a <see cref="ClaimsPrincipal"/> with <see cref="ClerkClaimTypes"/> claims.</summary>
public static class ClerkClaimsPrincipal
{
    /// <summary>Creates the principal of a signed-in request (what the Clerk authentication scheme produces).</summary>
    /// <param name="state">A signed-in state from <see cref="ClerkTokenVerifier"/>.</param>
    /// <param name="authenticationType">The identity's authentication type (the scheme name).</param>
    /// <returns>The principal: <see cref="ClaimTypes.NameIdentifier"/> = user id (or machine subject), session, organization, permissions, actor.</returns>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not signed in.</exception>
    public static ClaimsPrincipal Create(ClerkRequestState state, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(authenticationType);
        if (!state.IsSignedIn)
        {
            throw new ArgumentException("The request state is not signed in.", nameof(state));
        }
        var claims = new List<Claim>();
        if (state.Session is { } session)
        {
            Add(claims, ClaimTypes.NameIdentifier, session.UserId);
            Add(claims, ClerkClaimTypes.TokenType, TokenTypeName(ClerkTokenType.SessionToken));
            Add(claims, ClerkClaimTypes.SessionId, session.SessionId);
            Add(claims, ClerkClaimTypes.SessionStatus, session.SessionStatus);
            Add(claims, ClerkClaimTypes.OrganizationId, session.OrganizationId);
            Add(claims, ClerkClaimTypes.OrganizationSlug, session.OrganizationSlug);
            Add(claims, ClerkClaimTypes.OrganizationRole, session.OrganizationRole);
            foreach (var permission in session.OrganizationPermissions)
            {
                Add(claims, ClerkClaimTypes.OrganizationPermission, permission);
            }
            Add(claims, ClerkClaimTypes.Actor, session.Actor?.Subject);
        }
        else if (state.Machine is { } machine)
        {
            Add(claims, ClaimTypes.NameIdentifier, machine.Subject);
            Add(claims, ClerkClaimTypes.TokenType, TokenTypeName(machine.TokenType));
            Add(claims, ClerkClaimTypes.MachineTokenId, machine.Id);
            foreach (var scope in machine.Scopes)
            {
                Add(claims, ClerkClaimTypes.Scope, scope);
            }
        }
        var identity = new ClaimsIdentity(claims, authenticationType, ClaimTypes.NameIdentifier, ClerkClaimTypes.OrganizationRole);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The claim value of a token kind, as Clerk's SDKs name it.</summary>
    /// <param name="type">The kind.</param>
    /// <returns><c>session_token</c>, <c>api_key</c>, <c>m2m_token</c> or <c>oauth_token</c>.</returns>
    public static string TokenTypeName(ClerkTokenType type) => type switch
    {
        ClerkTokenType.SessionToken => "session_token",
        ClerkTokenType.ApiKey => "api_key",
        ClerkTokenType.M2MToken => "m2m_token",
        ClerkTokenType.OAuthToken => "oauth_token",
        _ => type.ToString(),
    };

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
