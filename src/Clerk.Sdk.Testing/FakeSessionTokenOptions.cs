using System;
using System.Collections.Generic;

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

    /// <summary>The session status claim <c>sts</c>: <c>active</c> (default) or <c>pending</c>.</summary>
    public string Status { get; init; } = "active";

    /// <summary>An existing session of the fake to issue the token for; by default a new active session of the user is created.</summary>
    public string? SessionId { get; init; }

    /// <summary>Extra claims (custom session claims); they cannot replace the registered ones.</summary>
    public IReadOnlyDictionary<string, object?> AdditionalClaims { get; init; } = new Dictionary<string, object?>();
}
