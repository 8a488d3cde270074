using System.Collections.Generic;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Backends;

/// <summary>The backends every facade test runs on (fixture source).</summary>
public static class ClerkBackends
{
    public static IEnumerable<TestFixtureData> All()
    {
        yield return new TestFixtureData("mockhttp").SetArgDisplayNames("mockhttp");
        yield return new TestFixtureData("fake-in-process").SetArgDisplayNames("fake-in-process");
        yield return new TestFixtureData("fake-loopback").SetArgDisplayNames("fake-loopback");
        yield return new TestFixtureData("real-clerk").SetArgDisplayNames("real-clerk");
    }

    public static ClerkBackend Create(string name) => name switch
    {
        "mockhttp" => new MockHttpBackend(),
        "fake-in-process" => new FakeBackend(loopback: false),
        "fake-loopback" => new FakeBackend(loopback: true),
        _ => new RealClerkBackend(),
    };
}
