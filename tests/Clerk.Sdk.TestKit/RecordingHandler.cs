using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Sdk.TestKit;

/// <summary>
/// A <see cref="DelegatingHandler"/> that records every request it passes on (path and query, in order) and, with a
/// sink, one line per answer (<c>GET /v1/users/u 200 auth=True</c>: whether a Clerk secret key was sent). It waits
/// for the answer the way a network handler does, so cancelling a request in flight ends it. Put it in front of
/// MockHttp, or in an IHttpClientFactory chain as a user's own handler would be.
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<string> _requests = [];
    private readonly object _gate = new();
    private readonly ConcurrentQueue<string>? _answers;

    /// <summary>A handler whose inner handler the IHttpClientFactory chain sets.</summary>
    public RecordingHandler()
    {
    }

    /// <summary>A handler in front of <paramref name="inner"/>.</summary>
    public RecordingHandler(HttpMessageHandler inner) : base(inner)
    {
    }

    /// <summary>A chain handler that also writes one line per answer to <paramref name="answers"/> (shared by every handler the factory creates).</summary>
    public RecordingHandler(ConcurrentQueue<string> answers) => _answers = answers;

    /// <summary>Path and query of every request, in order (e.g. <c>/v1/users?limit=100&amp;offset=0</c>).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate) return _requests.ToArray();
        }
    }

    /// <summary>How many requests passed.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _requests.Count;
        }
    }

    /// <summary>Completes when the count reaches <paramref name="count"/> (for requests that stall).</summary>
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
        var secretKey = request.Headers.Authorization is { Scheme: "Bearer", Parameter: var key } && key!.StartsWith("sk_test_", StringComparison.Ordinal);
        var response = await base.SendAsync(request, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        _answers?.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath} {(int)response.StatusCode} auth={secretKey}");
        return response;
    }
}
