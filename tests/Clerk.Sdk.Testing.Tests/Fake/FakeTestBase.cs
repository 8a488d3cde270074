using System.Threading.Tasks;
using Clerk.Sdk.Testing.Tests.Validation;
using Clerk.Testing;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Fake;

/// <summary>A fresh in-process fake and a client per test; every response is validated against the spec.</summary>
public abstract class FakeTestBase
{
    private ValidatingHandler? _validator;

    protected FakeClerkServer Fake { get; private set; } = null!;

    protected ClerkClient Clerk { get; private set; } = null!;

    [SetUp]
    public void StartFake()
    {
        Fake = FakeClerkServer.Create(CreateOptions());
        Clerk = Fake.CreateClient(options =>
        {
            _validator = new ValidatingHandler(options.HttpMessageHandler!);
            options.HttpMessageHandler = _validator;
            options.Retry = new ClerkRetryOptions { MaxRetries = 0 };
        });
    }

    [TearDown]
    public async Task StopFake()
    {
        Clerk.Dispose();
        await Fake.DisposeAsync();
        Assert.That(_validator!.Findings, Is.Empty, "responses of the fake that do not match the spec");
    }

    protected virtual FakeClerkServerOptions CreateOptions() => new();

    protected async Task<BackendApi.User> CreateUserAsync(string first, string? email = null, string? last = null) =>
        await Clerk.Users.CreateAsync(new BackendApi.CreateUserRequest { FirstName = first, LastName = last, EmailAddress = [email ?? first.ToLowerInvariant() + "@example.com"] });
}
