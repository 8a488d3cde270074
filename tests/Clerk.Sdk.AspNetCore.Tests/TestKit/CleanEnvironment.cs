using NUnit.Framework;

namespace Clerk.Sdk.AspNetCore.Tests.TestKit;

/// <summary>The machine's CLERK_* variables (a developer's real keys) must not leak into the apps under test.</summary>
[SetUpFixture]
public sealed class CleanEnvironment
{
    private EnvironmentScope? _scope;

    [OneTimeSetUp]
    public void Clear() => _scope = EnvironmentScope.Clean();

    [OneTimeTearDown]
    public void Restore() => _scope?.Dispose();
}
