using System;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.Sdk.Testing.Tests.Validation;
using Clerk.Testing;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Backends;

/// <summary>
/// The fake, in-process (TestServer handler) or on loopback Kestrel. Every response goes through
/// <see cref="ValidatingHandler"/>: a test fails at teardown when any response of the fake does not match the spec.
/// </summary>
public sealed class FakeBackend : ClerkBackend
{
    private readonly bool _loopback;
    private FakeClerkServer? _fake;
    private ValidatingHandler? _validator;

    public FakeBackend(bool loopback)
    {
        _loopback = loopback;
    }

    public override string Name => _loopback ? "fake-loopback" : "fake-in-process";

    public FakeClerkServer Fake => _fake ?? throw new InvalidOperationException("StartAsync was not called.");

    public override async Task StartAsync() =>
        _fake = _loopback ? await FakeClerkServer.StartOnLoopbackAsync() : FakeClerkServer.Create();

    public override Task SetUpTestAsync()
    {
        Fake.Reset();
        return base.SetUpTestAsync();
    }

    public override async Task TearDownTestAsync()
    {
        await base.TearDownTestAsync();
        var findings = _validator?.Findings ?? [];
        Assert.That(findings, Is.Empty, "responses of the fake that do not match the spec");
    }

    public override ClerkTokenVerifier CreateVerifier() => new(Clerk, Fake.CreateTokenVerifierOptions());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }

    protected override ClerkClient CreateClient()
    {
        var options = Fake.CreateClientOptions();
        _validator = new ValidatingHandler(options.HttpMessageHandler!);
        options.HttpMessageHandler = _validator;
        options.Retry = new ClerkRetryOptions { MaxRetries = 0 };
        return new ClerkClient(options);
    }
}
