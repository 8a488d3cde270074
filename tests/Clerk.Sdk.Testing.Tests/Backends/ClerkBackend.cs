using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Authentication;

namespace Clerk.Sdk.Testing.Tests.Backends;

/// <summary>
/// Where a facade test sends its calls: MockHttp with scripted responses, the fake in-process or on loopback, or real
/// Clerk. A test runs unchanged on each; <see cref="Script"/> gives the canned response the MockHttp backend answers
/// with next and is ignored by the others.
/// </summary>
public abstract class ClerkBackend : IAsyncDisposable
{
    private ClerkClient? _clerk;

    /// <summary>The name shown in test names.</summary>
    public abstract string Name { get; }

    /// <summary>The client of the current test.</summary>
    public ClerkClient Clerk => _clerk ?? throw new InvalidOperationException("SetUpTestAsync was not called.");

    /// <summary>Whether responses are scripted (MockHttp).</summary>
    public virtual bool IsScripted => false;

    /// <summary>Once per fixture (start a server, or skip when real Clerk has no key).</summary>
    public virtual Task StartAsync() => Task.CompletedTask;

    /// <summary>Per test: a fresh client (and a fresh fake state).</summary>
    public virtual Task SetUpTestAsync()
    {
        _clerk = CreateClient();
        return Task.CompletedTask;
    }

    /// <summary>Per test: checks and clean-up.</summary>
    public virtual Task TearDownTestAsync()
    {
        _clerk?.Dispose();
        _clerk = null;
        return Task.CompletedTask;
    }

    /// <summary>MockHttp: the next request to <paramref name="method"/> <c>/v1</c><paramref name="path"/> is answered with <paramref name="json"/>. Others: nothing.</summary>
    public virtual void Script(HttpMethod method, string path, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
    }

    /// <summary>Real Clerk: deletes the user at the end of the test.</summary>
    public virtual void TrackUser(string userId)
    {
    }

    /// <summary>Real Clerk: deletes the organization at the end of the test.</summary>
    public virtual void TrackOrganization(string organizationId)
    {
    }

    /// <summary>A verifier of this backend's session tokens.</summary>
    public abstract ClerkTokenVerifier CreateVerifier();

    /// <summary>An email address no other test uses (Clerk's <c>+clerk_test</c> form, accepted by development instances without delivery).</summary>
    public string UniqueEmail(string name) => $"{name}-{Guid.NewGuid():N}+clerk_test@example.com";

    public virtual ValueTask DisposeAsync()
    {
        _clerk?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Name;

    protected abstract ClerkClient CreateClient();
}
