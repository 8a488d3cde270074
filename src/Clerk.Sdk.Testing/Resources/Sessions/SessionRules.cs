using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Store;

namespace Clerk.Testing.Resources.Sessions;

/// <summary>Session lifecycle shared by the user and session endpoints.</summary>
internal static class SessionRules
{
    /// <summary>A session is usable (tokens can be made for it) while it is active and not past its expiry.</summary>
    public static bool IsActive(Session session, long now) => session.Status == SessionStatus.Active && session.ExpireAt > now;

    /// <summary>Ends every active session of a user with <paramref name="status"/> (ban: revoked, delete: removed).</summary>
    public static void EndAll(FakeStore store, string userId, SessionStatus status, long now)
    {
        foreach (var session in store.Sessions.Values.Where(s => s.UserId == userId && s.Status == SessionStatus.Active))
        {
            session.Status = status;
            session.UpdatedAt = now;
        }
    }
}
