using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Clerk.BackendApi;
using Clerk.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Clerk.Testing.Resources.Sessions;

namespace Clerk.Testing.Resources.Handshake;

/// <summary>
/// The Frontend API's handshake, <c>GET /v1/client/handshake?redirect_url=...&amp;__session=...</c>, as Clerk answers a
/// server's redirect: the browser's session (here: the one of the <c>__session</c> token the server sent along, signed by
/// the fake) gets a fresh session token, and the browser is sent back to <c>redirect_url</c> with
/// <c>__clerk_handshake</c>, a JWT signed with the instance's key whose <c>handshake</c> claim lists the cookies to set
/// (<c>__session</c>, <c>__client_uat</c>, and on a development instance <c>__clerk_db_jwt</c>; suffixed when asked). A
/// session that ended, or no token, comes back signed out (<c>__client_uat=0</c>). Reach it through the verifier's
/// <c>ProxyUrl</c> set to the fake's root URL (a publishable key cannot name a loopback port).
/// </summary>
internal static class HandshakeRoute
{
    public const string Path = "/v1/client/handshake";

    public static void Map(IEndpointRouteBuilder app, FakeInstance instance) =>
        app.MapGet(Path, (HttpContext context) => Handle(context, instance));

    private static IResult Handle(HttpContext context, FakeInstance instance)
    {
        var query = context.Request.Query;
        if (!Uri.TryCreate(query["redirect_url"].ToString(), UriKind.Absolute, out var redirect) || redirect.Scheme is not ("http" or "https"))
        {
            return Results.Text("redirect_url must be an absolute http(s) URL", statusCode: StatusCodes.Status400BadRequest);
        }
        var suffix = query["suffixed_cookies"] == "true" ? "_" + CookieSuffix(instance.PublishableKey.Value) : "";
        var directives = new List<string>();
        lock (instance.Store.Gate)
        {
            var now = instance.Store.NowMs;
            Session? session = null;
            if (instance.Signer.VerifySignature(query["__session"].ToString()) is { } payload &&
                payload.TryGetProperty("sid", out var sid) && sid.GetString() is { } sessionId && instance.Store.Sessions.ContainsKey(sessionId))
            {
                session = SessionRoutes.Current(instance.Store, sessionId, now);
            }
            if (session is not null && SessionRules.IsActive(session, now))
            {
                var token = instance.Signer.Sign(session.UserId, session.Id, SessionRoutes.OrganizationClaimsOf(instance.Store, session),
                    new FakeSessionTokenOptions { AuthorizedParty = redirect.GetLeftPart(UriPartial.Authority) });
                directives.Add($"__session{suffix}={token}; Path=/; SameSite=Lax");
                directives.Add($"__client_uat{suffix}={session.CreatedAt / 1000}; Path=/; SameSite=Lax; Max-Age=315360000");
            }
            else
            {
                directives.Add($"__session{suffix}=; Path=/; SameSite=Lax; Max-Age=0");
                directives.Add($"__client_uat{suffix}=0; Path=/; SameSite=Lax; Max-Age=315360000");
            }
        }
        if (instance.PublishableKey.IsTest)
        {
            var devBrowser = query["__clerk_db_jwt"].ToString() is { Length: > 0 } existing ? existing : "dvb_" + Clerk.Testing.Store.ClerkIds.Random(24);
            directives.Add($"__clerk_db_jwt{suffix}={devBrowser}; Path=/; SameSite=Lax; Max-Age=315360000");
        }
        var handshake = instance.Signer.SignPayload(new Dictionary<string, object> { ["handshake"] = directives });
        var location = redirect + (redirect.Query.Length > 0 ? "&" : "?") + "__clerk_handshake=" + Uri.EscapeDataString(handshake);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(location, permanent: false, preserveMethod: true);
    }

    /// <summary>Clerk's cookie suffix: the first 8 characters of the URL-safe base64 SHA-1 of the publishable key.</summary>
    private static string CookieSuffix(string publishableKey) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(publishableKey))).Replace('+', '-').Replace('/', '_')[..8];
}
