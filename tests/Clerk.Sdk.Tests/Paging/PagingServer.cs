using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Sdk.Tests.Support;
using RichardSzalay.MockHttp;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Paging;

/// <summary>
/// A scripted Clerk for the paging tests: pages are expected in order with their exact query string (MockHttp; any
/// other request fails with a match summary), and <see cref="Requests"/> lists what the server saw.
/// </summary>
internal sealed class PagingServer : IDisposable
{
    public PagingServer()
    {
        Mock = ClerkMock.NewHandler();
        Recorder = new RecordingHandler(Mock);
        // Retries off: each expectation answers one request (retries are covered in Resilience/).
        Clerk = new ClerkClient(new ClerkClientOptions { SecretKey = ClerkMock.SecretKey, HttpMessageHandler = Recorder, Retry = new ClerkRetryOptions { MaxRetries = 0 } });
    }

    public MockHttpMessageHandler Mock { get; }

    public RecordingHandler Recorder { get; }

    public ClerkClient Clerk { get; }

    /// <summary>Path and query of every request, without the <c>/v1</c> prefix: <c>/users?limit=2&amp;offset=0</c>.</summary>
    public string[] Requests => Recorder.Requests.Select(r => r.StartsWith("/v1", StringComparison.Ordinal) ? r[3..] : r).ToArray();

    /// <summary>Expects the next GET of <paramref name="path"/> with exactly <paramref name="query"/> and answers <paramref name="json"/>.</summary>
    public void ExpectPage(string path, string? query, string json) =>
        Mock.ExpectClerk(HttpMethod.Get, path, query).WithoutBody().RespondJson(json);

    /// <summary>Expects the next GET and answers with a Clerk error.</summary>
    public void ExpectError(string path, string? query, HttpStatusCode status, string code, string paramName) =>
        Mock.ExpectClerk(HttpMethod.Get, path, query).RespondJson(ClerkMock.ClerkErrorJson(code, "invalid", $"{paramName} is invalid", paramName, "trace_1"), status);

    /// <summary>Expects the next GET and never answers (until the request is cancelled).</summary>
    public void ExpectStall(string path, string? query) =>
        Mock.ExpectClerk(HttpMethod.Get, path, query).Respond(() => new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously).Task);

    /// <summary>Every expected page was requested.</summary>
    public void VerifyAllPagesRequested() => Mock.VerifyNoOutstandingExpectation();

    public void Dispose()
    {
        Clerk.Dispose();
        Recorder.Dispose();
        Mock.Dispose();
    }
}
