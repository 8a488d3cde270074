using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Errors;
using Clerk.Testing.Hosting;
using Clerk.Testing.Store;
using Clerk.Testing.Resources;

namespace Clerk.Testing.Resources.Sessions;

/// <summary>Sessions: create (as Clerk's development instances allow), get, list by user or client and status, revoke, session token.</summary>
internal static class SessionRoutes
{
    /// <summary>Clerk's defaults: a session expires after 7 days and is abandoned after 30.</summary>
    private static readonly long ExpireAfterMs = (long)TimeSpan.FromDays(7).TotalMilliseconds;

    private static readonly long AbandonAfterMs = (long)TimeSpan.FromDays(30).TotalMilliseconds;

    private static readonly Dictionary<string, Func<Session, IComparable?>> Fields = new(StringComparer.Ordinal)
    {
        ["created_at"] = s => s.CreatedAt,
        ["updated_at"] = s => s.UpdatedAt,
    };

    public static void Map(FakeRoutes routes)
    {
        routes.Map(ClerkOperations.Sessions_Create, Create);
        routes.Map(ClerkOperations.Sessions_Get, call => Current(call.Store, call.Path("session_id"), call.Now));
        routes.Map(ClerkOperations.Sessions_List, List);
        routes.Map(ClerkOperations.Sessions_Revoke, Revoke);
        routes.Map(ClerkOperations.Sessions_CreateToken, CreateToken);
    }

    /// <summary>A new active session of a user (who need not be stored: tests may sign tokens for any user id).</summary>
    public static Session Start(FakeStore store, string userId, string? organizationId, long now)
    {
        var session = new Session
        {
            Object = "session",
            Id = ClerkIds.New("sess"),
            UserId = userId,
            ClientId = ClerkIds.New("client"),
            Status = SessionStatus.Active,
            LastActiveOrganizationId = organizationId,
            LastActiveAt = now,
            ExpireAt = now + ExpireAfterMs,
            AbandonAt = now + AbandonAfterMs,
            CreatedAt = now,
            UpdatedAt = now,
        };
        store.Sessions[session.Id] = session;
        store.Created(session.Id);
        if (store.Users.TryGetValue(userId, out var user))
        {
            user.LastSignInAt = now;
            user.LastActiveAt = now;
        }
        return session;
    }

    /// <summary>A session with its status brought up to date (an active session past its expiry is expired).</summary>
    public static Session Current(FakeStore store, string id, long now)
    {
        var session = store.Session(id);
        if (session.Status == SessionStatus.Active && session.ExpireAt <= now)
        {
            session.Status = SessionStatus.Expired;
            session.UpdatedAt = now;
        }
        return session;
    }

    private static Session Create(FakeCall call)
    {
        var request = call.BodyAs<CreateSessionRequest>();
        var user = call.Store.User(request.UserId);
        if (request.ActiveOrganizationId is { } organizationId)
        {
            var organization = call.Store.Organization(organizationId);
            if (call.Store.Membership(organization.Id, user.Id) is null)
            {
                throw Faults.Unprocessable(Faults.ValueInvalid("active_organization_id", "must be an organization the user is a member of."));
            }
            return Start(call.Store, user.Id, organization.Id, call.Now);
        }
        return Start(call.Store, user.Id, null, call.Now);
    }

    private static List<Session> List(FakeCall call)
    {
        var userId = call.Query("user_id");
        var clientId = call.Query("client_id");
        if (userId is null && clientId is null)
        {
            throw Faults.Unprocessable(new FakeError("form_param_missing", "is missing", "Either client_id or user_id must be included.", "user_id"));
        }
        var status = call.Query("status");
        var sessions = call.Store.Sessions.Keys.ToList()
            .Select(id => Current(call.Store, id, call.Now))
            .Where(s => (userId is null || s.UserId == userId) && (clientId is null || s.ClientId == clientId) && (status is null || s.Status.Value == status));
        return Page.Of(Ordering.Apply(sessions, call, "-created_at", s => s.Id, Fields), call);
    }

    private static Session Revoke(FakeCall call)
    {
        var session = Current(call.Store, call.Path("session_id"), call.Now);
        if (session.Status == SessionStatus.Active)
        {
            session.Status = SessionStatus.Revoked;
            session.UpdatedAt = call.Now;
        }
        return session;
    }

    /// <summary>A session token of an active session; its organization claims come from the session's active organization.</summary>
    private static CreateSessionTokenResponse CreateToken(FakeCall call)
    {
        var session = Current(call.Store, call.Path("session_id"), call.Now);
        if (!SessionRules.IsActive(session, call.Now))
        {
            throw Faults.NotFound("Active session");
        }
        var request = call.BodyAs<CreateSessionTokenRequest>();
        var options = new FakeSessionTokenOptions { Lifetime = TimeSpan.FromSeconds(request.ExpiresInSeconds ?? 60) };
        var jwt = call.Instance.Signer.Sign(session.UserId, session.Id, OrganizationClaimsOf(call.Store, session), options);
        return new CreateSessionTokenResponse { Object = "token", Jwt = jwt };
    }

    /// <summary>The organization claims of a session's token: its active organization and the user's role there, or null.</summary>
    internal static FakeOrganizationClaims? OrganizationClaimsOf(FakeStore store, Session session)
    {
        if (session.LastActiveOrganizationId is not { } organizationId || !store.Organizations.TryGetValue(organizationId, out var organization))
        {
            return null;
        }
        var membership = store.Membership(organizationId, session.UserId);
        return membership is null ? null : new FakeOrganizationClaims { Id = organization.Id, Slug = organization.Slug, Role = membership.Role };
    }
}
