using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Clerk.Testing.Resources.ApiKeys;
using Clerk.Testing.Resources.Handshake;
using Clerk.Testing.Resources.Invitations;
using Clerk.Testing.Resources.SigningKeys;
using Clerk.Testing.Resources.Organizations;
using Clerk.Testing.Resources.Sessions;
using Clerk.Testing.Resources.Users;

namespace Clerk.Testing.Hosting;

/// <summary>
/// The fake's ASP.NET Core app: one set of minimal endpoints under <c>/v1</c>, served in-process by TestServer or on
/// loopback Kestrel. No configuration files, environment variables or logging providers are read.
/// </summary>
internal static class FakeHost
{
    /// <summary>Starts the app; returns it, the Backend API base URL and the operations it implements (spec operation ids).</summary>
    public static async Task<(WebApplication App, string BaseUrl, IReadOnlyList<string> Implemented)> StartAsync(FakeInstance instance, bool loopback, CancellationToken cancellationToken)
    {
        var (app, implemented) = Build(instance, loopback);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var baseUrl = loopback
            ? app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/v1"
            : "http://localhost/v1";
        return (app, baseUrl, implemented);
    }

    private static (WebApplication App, List<string> Implemented) Build(FakeInstance instance, bool loopback)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeHost).Assembly.GetName().Name });
        if (loopback)
        {
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }
        builder.Services.AddRoutingCore();
        // The fake never takes over the signals of the process that hosts it (Ctrl+C, SIGTERM stay the host's).
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, PassiveLifetime>();
        var app = builder.Build();
        var gate = new RequestGate(instance);
        // The Frontend API's handshake is the browser's, not the Backend API's: no secret key.
        app.Use((context, next) => context.Request.Path.StartsWithSegments("/v1") && !context.Request.Path.Equals(HandshakeRoute.Path, System.StringComparison.Ordinal)
            ? gate.InvokeAsync(context, () => next(context))
            : next(context));
        app.UseRouting();
        var implemented = new List<string>();
        var routes = new FakeRoutes(app.MapGroup("/v1"), instance, implemented);
        UserRoutes.Map(routes);
        MembershipRoutes.Map(routes);
        SessionRoutes.Map(routes);
        OrganizationRoutes.Map(routes);
        InvitationRoutes.Map(routes);
        ApiKeyRoutes.Map(routes);
        JwksRoutes.Map(routes);
        HandshakeRoute.Map(app, instance);
        var fallback = new UnimplementedOperations(instance.Spec, implemented);
        app.MapFallback((RequestDelegate)fallback.HandleAsync);
        return (app, implemented);
    }

    /// <summary>A host lifetime that waits for nothing and listens to no signal.</summary>
    internal sealed class PassiveLifetime : Microsoft.Extensions.Hosting.IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
