using System;

namespace Clerk.Sdk.Tests.Fuzzing;

/// <summary>One fuzz target: its name, the parser call (<see cref="FuzzTargets"/>), the share of the budget it runs
/// (1: all of it, 4: a quarter) and the valid inputs its generators start from.</summary>
public sealed record FuzzTarget(string Name, Action<byte[]> Run, int Share, params string[] Seeds)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
