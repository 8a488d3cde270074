using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Http;

namespace Clerk.Sdk.Tests.Operations;

/// <summary>A handler of the kind a user adds: records what it sees of each request (descriptor, call options, headers), then passes it on.</summary>
internal sealed class RecordingTransport(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public List<(ClerkOperation? Operation, ClerkRequestOptions? Options, string? Authorization, HttpRequestMessage Request)> Seen { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Seen)
        {
            Seen.Add((ClerkOperation.Of(request), ClerkRequestOptions.Of(request), request.Headers.Authorization?.ToString(), request));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
