using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Support;

/// <summary>A test fixture with a fresh MockHttp handler and a <see cref="ClerkClient"/> over it for every test.</summary>
public abstract class MockedClientTest
{
    /// <summary>The scripted server of the current test.</summary>
    protected MockHttpMessageHandler MockHandler { get; private set; } = null!;

    /// <summary>A client that sends to <see cref="MockHandler"/>.</summary>
    protected ClerkClient Client { get; private set; } = null!;

    [SetUp]
    public void CreateMockedClient()
    {
        MockHandler = ClerkMock.NewHandler();
        Client = ClerkMock.NewClient(MockHandler);
    }

    [TearDown]
    public void DisposeMockedClient()
    {
        Client.Dispose();
        MockHandler.Dispose();
    }
}
