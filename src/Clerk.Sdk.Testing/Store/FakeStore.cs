using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Errors;

namespace Clerk.Testing.Store;

/// <summary>
/// The fake instance's state, in memory. Not thread-safe by itself: every request runs under <see cref="Gate"/>, so
/// handlers see and change a consistent state.
/// </summary>
internal sealed class FakeStore
{
    private readonly TimeProvider _time;
    private long _sequence;

    public FakeStore(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>The lock every request holds while it reads or changes the state.</summary>
    public object Gate { get; } = new();

    public Dictionary<string, User> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Session> Sessions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Organization> Organizations { get; } = new(StringComparer.Ordinal);

    public List<FakeMembership> Memberships { get; } = new();

    public Dictionary<string, Invitation> Invitations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FakeApiKey> ApiKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Creation order of every object (ties of equal millisecond timestamps are broken by it).</summary>
    public Dictionary<string, long> Order { get; } = new(StringComparer.Ordinal);

    /// <summary>Now, in Unix milliseconds (Clerk's timestamps).</summary>
    public long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Records the creation order of a new object.</summary>
    public void Created(string id) => Order[id] = ++_sequence;

    public long OrderOf(string id) => Order.TryGetValue(id, out var n) ? n : 0;

    public User User(string id) => Users.TryGetValue(id, out var user) ? user : throw Faults.NotFound("User");

    public Session Session(string id) => Sessions.TryGetValue(id, out var session) ? session : throw Faults.NotFound("Session");

    /// <summary>An organization by id or slug, as Clerk accepts either.</summary>
    public Organization Organization(string idOrSlug) =>
        Organizations.TryGetValue(idOrSlug, out var org) ? org
        : Organizations.Values.FirstOrDefault(o => o.Slug == idOrSlug) ?? throw Faults.NotFound("Organization");

    public Invitation Invitation(string id) => Invitations.TryGetValue(id, out var invitation) ? invitation : throw Faults.NotFound("Invitation");

    public FakeApiKey ApiKey(string id) => ApiKeys.TryGetValue(id, out var key) ? key : throw Faults.NotFound("API key");

    public FakeMembership? Membership(string organizationId, string userId) =>
        Memberships.FirstOrDefault(m => m.OrganizationId == organizationId && m.UserId == userId);

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        Users.Clear();
        Sessions.Clear();
        Organizations.Clear();
        Memberships.Clear();
        Invitations.Clear();
        ApiKeys.Clear();
        Order.Clear();
    }
}
