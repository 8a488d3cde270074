using System;
using System.Collections.Generic;
using Clerk.BackendApi;

namespace Clerk.Testing;

/// <summary>Optional settings of <see cref="FakeClerkServer.CreateSessionToken(string, FakeOrganizationClaims?, FakeSessionTokenOptions?)"/>.</summary>
public sealed class FakeSessionTokenOptions
{
    /// <summary>The <c>azp</c> claim (the origin that requested the token, e.g. <c>https://app.example.com</c>); none by default.</summary>
    public string? AuthorizedParty { get; init; }

    /// <summary>
    /// How long the token is valid (default 60 s, as Clerk's session tokens). Zero or negative gives a token that has
    /// already expired (<c>exp</c> that long ago), as an idle browser tab holds.
    /// </summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// When the token starts to be valid (its <c>iat</c> and <c>nbf</c>; <c>exp</c> is this plus <see cref="Lifetime"/>); default
    /// now. A time in the future gives a token that is not valid yet; one far enough in the past, an expired token.
    /// </summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>The session status claim <c>sts</c>: <see cref="SessionStatus.Active"/> (default) or <see cref="SessionStatus.Pending"/>.</summary>
    public SessionStatus Status { get; init; } = SessionStatus.Active;

    /// <summary>An existing session of the fake to issue the token for; by default a new active session of the user is created.</summary>
    public string? SessionId { get; init; }

    /// <summary>Extra claims (custom session claims); they cannot replace the registered ones.</summary>
    public IReadOnlyDictionary<string, object?> AdditionalClaims { get; init; } = new Dictionary<string, object?>();
}
