using System;
using CsCheck;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Fuzzing;

/// <summary>
/// Each <see cref="FuzzTargets"/> target run over <see cref="FuzzLedger.Iterations"/> generated inputs: random bytes and
/// valid inputs with a few bytes changed (<see cref="FuzzInputs"/>). A failing input is shrunk by CsCheck and reported
/// with its seed, so the run repeats.
/// </summary>
public class FuzzHarnessTests
{
    public static System.Collections.Generic.IEnumerable<FuzzTarget> Targets => FuzzTargets.All;

    [TestCaseSource(nameof(Targets))]
    public void Target(FuzzTarget target) =>
        Fuzz(target.Name, target.Run, FuzzInputs.Around(target.Seeds), iterations: Math.Max(1, FuzzLedger.Iterations / target.Share));

    /// <summary>Runs <paramref name="target"/> over <paramref name="inputs"/>, counting each input in the ledger.</summary>
    internal static void Fuzz(string name, Action<byte[]> target, Gen<byte[]> inputs, long iterations = 0, bool counted = true)
    {
        try
        {
            inputs.Sample(input =>
            {
                if (counted) FuzzLedger.Ran(name);
                target(input);
            }, iter: iterations > 0 ? iterations : FuzzLedger.Iterations, threads: 1, print: input => Convert.ToBase64String(input));
        }
        catch
        {
            if (counted) FuzzLedger.Failed(name);
            throw;
        }
    }

    [Test]
    public void TheHarness_ReportsAnInputThatBreaksTheContract_ShrunkWithItsSeed()
    {
        // A parser with a planted bug: a NullReferenceException on any input holding the byte '}' after a '{'.
        static void Planted(byte[] input)
        {
            var open = Array.IndexOf(input, (byte)'{');
            if (open >= 0 && Array.IndexOf(input, (byte)'}', open) > open) throw new FuzzFinding("planted", new NullReferenceException());
        }

        var failure = Assert.Catch(() => Fuzz("planted", Planted, FuzzInputs.Around("{\"a\": 1}", "[]"), iterations: 500, counted: false));
        Assert.That(failure!.ToString(), Does.Contain("planted").And.Contain("seed"));
    }
}
