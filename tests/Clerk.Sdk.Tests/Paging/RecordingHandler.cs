using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// Sits between the SDK and MockHttp: records every request the "server" saw (path and query, in order), and waits
/// for the response the way a network handler does, so cancelling a request in flight ends it.
/// </summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<string> _requests = [];
    private readonly object _gate = new();

    /// <summary>Path and query of every request received, in order (e.g. <c>/v1/users?limit=100&amp;offset=0</c>).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate) return _requests.ToArray();
        }
    }

    /// <summary>How many requests the server saw.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _requests.Count;
        }
    }

    /// <summary>Completes when a request arrives and the count reaches the given number (for requests that stall).</summary>
    public Task WhenCountReaches(int count) => Task.Run(async () =>
    {
        while (Count < count) await Task.Delay(5).ConfigureAwait(false);
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _requests.Add(request.RequestUri?.PathAndQuery ?? throw new InvalidOperationException("a request without a URI"));
        }
        return await base.SendAsync(request, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
