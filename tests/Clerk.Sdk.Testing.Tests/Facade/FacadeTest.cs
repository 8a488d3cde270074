using System.Threading.Tasks;
using Clerk.Sdk.Testing.Tests.Backends;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Facade;

/// <summary>
/// The base of the facade tests that run unchanged on every backend of <see cref="ClerkBackends"/>: MockHttp (scripted),
/// the fake in-process, the fake on loopback, and real Clerk when <c>CLERK_SECRET_KEY</c> is set.
/// </summary>
public abstract class FacadeTest
{
    private readonly string _backendName;

    protected FacadeTest(string backendName)
    {
        _backendName = backendName;
    }

    protected ClerkBackend Backend { get; private set; } = null!;

    protected ClerkClient Clerk => Backend.Clerk;

    [OneTimeSetUp]
    public async Task StartBackend()
    {
        Backend = ClerkBackends.Create(_backendName);
        await Backend.StartAsync();
    }

    [SetUp]
    public Task SetUpBackend() => Backend.SetUpTestAsync();

    [TearDown]
    public Task TearDownBackend() => Backend.TearDownTestAsync();

    [OneTimeTearDown]
    public async Task StopBackend()
    {
        if (Backend is not null)
        {
            await Backend.DisposeAsync();
        }
    }
}
