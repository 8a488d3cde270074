using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http;

namespace Clerk.DependencyInjection;

/// <summary>
/// The handler of the singleton <see cref="ClerkClient"/>'s HttpClient: sends every request through the current handler
/// chain of the named factory client, so a long-lived client still gets the factory's handler rotation (DNS refresh,
/// fresh handler instances) instead of pinning the first chain forever.
/// </summary>
internal sealed class ClerkFactoryHandler : HttpMessageHandler
{
    private readonly IHttpMessageHandlerFactory _factory;
    private readonly string _name;

    public ClerkFactoryHandler(IHttpMessageHandlerFactory factory, string name)
    {
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _name = name;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The factory owns the chain (it disposes an expired one once no client uses it): never dispose it here.
        var invoker = new HttpMessageInvoker(_factory.CreateHandler(_name), disposeHandler: false);
        return invoker.SendAsync(request, cancellationToken);
    }
}
