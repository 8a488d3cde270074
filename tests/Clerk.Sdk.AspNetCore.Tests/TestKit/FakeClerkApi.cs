using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Clerk.Sdk.TestKit;
using Microsoft.AspNetCore.Http;

namespace Clerk.Sdk.AspNetCore.Tests.TestKit;

/// <summary>
/// A stand-in Backend API on the test kit's <see cref="LoopbackServer"/>: <c>GET /v1/users/{id}</c> answers a user,
/// anything else 404; <see cref="FailNext"/> queues error statuses answered first (to make the SDK retry).
/// </summary>
internal sealed class FakeClerkApi : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeClerkApi(LoopbackServer server) => _server = server;

    /// <summary>The host-only URL (<c>http://127.0.0.1:port</c>): the SDK adds <c>/v1</c>.</summary>
    public string Url => _server.HostUrl;

    /// <summary>Path and Authorization header of every request, in order.</summary>
    public IReadOnlyList<(string Path, string? Authorization)> Requests => _server.Authorizations;

    public static async Task<FakeClerkApi> StartAsync() => new(await LoopbackServer.StartAsync(UsersAsync));

    /// <summary>Answers the next requests with these statuses (then normally).</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _server.Then(LoopbackServer.Reply(status, """{ "errors": [ { "code": "unavailable", "message": "try again" } ] }"""));
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static Task UsersAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? "").Trim('/').Split('/');
        return context.Request.Method == "GET" && segments is ["v1", "users", var id]
            ? LoopbackServer.Reply(200, $$"""{ "id": "{{id}}", "object": "user", "first_name": "Ada" }""")(context)
            : LoopbackServer.Reply(404, """{ "errors": [ { "code": "resource_not_found", "message": "not found" } ] }""")(context);
    }
}
