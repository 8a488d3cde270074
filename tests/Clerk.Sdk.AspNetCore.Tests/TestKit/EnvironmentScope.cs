using System;
using System.Collections.Generic;

namespace Clerk.Sdk.AspNetCore.Tests.TestKit;

/// <summary>Sets (or clears) environment variables for one test and restores them after (tests of this assembly run one at a time).</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new();

    public EnvironmentScope(params (string Name, string? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>Clears every CLERK_* variable the SDK reads, so the machine's environment cannot leak into a test.</summary>
    public static EnvironmentScope Clean(params (string Name, string? Value)[] set)
    {
        var variables = new List<(string, string?)>
        {
            ("CLERK_SECRET_KEY", null), ("CLERK_API_URL", null), ("CLERK_API_VERSION", null), ("CLERK_JWT_KEY", null),
            ("CLERK_PUBLISHABLE_KEY", null), ("CLERK_WEBHOOK_SECRET", null), ("CLERK_WEBHOOK_SIGNING_SECRET", null),
        };
        variables.AddRange(set);
        return new EnvironmentScope(variables.ToArray());
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
