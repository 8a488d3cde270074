using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Sdk.AspNetCore.Tests.TestKit;

/// <summary>A user's DelegatingHandler (as a logging or Polly handler would be): records each request it sees and the answer.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _seen;

    public RecordingHandler(ConcurrentQueue<string> seen)
    {
        _seen = seen;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var clerkAuth = request.Headers.Authorization is { Scheme: "Bearer", Parameter: var key } && key!.StartsWith("sk_test_", System.StringComparison.Ordinal);
        var response = await base.SendAsync(request, cancellationToken);
        _seen.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath} {(int)response.StatusCode} auth={clerkAuth}");
        return response;
    }
}
