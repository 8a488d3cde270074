using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suites chosen on the command line (<c>--filter '*ApiCall*' --job short</c>), or one of
/// the custom measurements: <c>--listall [users]</c> (ListAllAsync throughput and peak memory, see
/// <see cref="ListAllMeasurement"/>), <c>--quick [calls]</c> (bytes and interleaved median time per call of each API
/// contender, see <see cref="QuickCheck"/>), <c>--startup [runs]</c> (cold start of a new process: first call and first token
/// verification, see <see cref="StartupMeasurement"/>) and <c>--payloads</c> (prints the payload sizes and one user).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--listall"))
        {
            var rest = args.SkipWhile(a => a != "--listall").Skip(1).FirstOrDefault();
            var users = rest is not null && !rest.StartsWith('-') ? long.Parse(rest.Replace("_", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            var passes = args.SkipWhile(a => a != "--passes").Skip(1).Select(int.Parse).FirstOrDefault(3);
            return await ListAllMeasurement.RunAsync(users, passes).ConfigureAwait(false);
        }
        if (args.Contains("--startup"))
        {
            return await StartupMeasurement.RunAsync(args.SkipWhile(a => a != "--startup").Skip(1).Where(a => !a.StartsWith('-')).Select(int.Parse).FirstOrDefault(20)).ConfigureAwait(false);
        }
        if (args.Contains("--quick"))
        {
            return await QuickCheck.RunAsync(args.SkipWhile(a => a != "--quick").Skip(1).Where(a => !a.StartsWith('-')).Select(int.Parse).FirstOrDefault(3000)).ConfigureAwait(false);
        }
        if (args.Contains("--payloads"))
        {
            Console.WriteLine(Encoding.UTF8.GetString(ClerkPayloads.UserJson()));
            Console.WriteLine($"user: {ClerkPayloads.UserJson().Length:N0} bytes; 500 users: {ClerkPayloads.UserListJson(0, 500).Length:N0} bytes; webhook body: {WebhookVerificationBenchmarks.EventBody().Length:N0} bytes");
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
