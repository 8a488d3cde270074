using Clerk.BackendApi;
using Clerk.Testing.Hosting;

namespace Clerk.Testing.Resources.SigningKeys;

/// <summary><c>GET /jwks</c>: the public key the fake signs session tokens with.</summary>
internal static class JwksRoutes
{
    public static void Map(FakeRoutes routes) =>
        routes.Map(ClerkOperations.Jwks_Get, call => new Jwks { Keys = [call.Instance.Signer.Jwk()] });
}
