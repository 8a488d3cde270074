using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Clerk.Sdk.Tests.Resilience;

/// <summary>Fake time for the pipeline: retry delays and timeouts pass without the test sleeping.</summary>
internal static class FakeClock
{
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Runs <paramref name="call"/>, advancing fake time in small steps whenever the call is waiting, so retry delays
    /// elapse at once. Use only where no timeout is armed (timeouts are tested by advancing past them explicitly).
    /// </summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> call)
    {
        var task = call();
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(2));
            if (!task.IsCompleted) time.Advance(TimeSpan.FromMilliseconds(250));
        }
        return await task;
    }

    public static Task RunAsync(FakeTimeProvider time, Func<Task> call) => RunAsync(time, async () =>
    {
        await call();
        return true;
    });
}
