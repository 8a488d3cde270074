using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Clerk;
using Clerk.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;

namespace Clerk.Sdk.Startup;

/// <summary>
/// One cold start, measured from inside: <c>MODE SPAWNED_AT URL_OR_FILE ...</c>, where SPAWNED_AT is the parent's
/// <see cref="Stopwatch.GetTimestamp"/> just before it started this process (a monotonic clock shared by every process
/// on the machine). Prints one line: <c>main=MS first=MS done=MS</c>: when Main was entered, how long the first
/// operation took (client or verifier created, then its first call, answered and parsed), and when it was done, both
/// from the spawn. Modes:
/// <list type="bullet">
/// <item><c>sdk</c>: <c>new ClerkClient(options)</c>, then <c>Users.GetAsync(id)</c>.</item>
/// <item><c>raw</c>: a hand-written call, <c>HttpClient</c> + Newtonsoft.Json streaming into the SDK's generated
/// <c>User</c> model (the per-call benchmarks' baseline).</item>
/// <item><c>raw-poco</c>: the same call into a small hand-written class (Clerk.Sdk.dll is never loaded).</item>
/// <item><c>verify-sdk</c>: <c>new ClerkTokenVerifier(options with the PEM key)</c>, then <c>VerifySessionTokenAsync</c>.</item>
/// <item><c>verify-raw</c>: the PEM key imported, then <c>JsonWebTokenHandler.ValidateTokenAsync</c> (signature, algorithm,
/// lifetime, issuer).</item>
/// </list>
/// Each mode lives in its own non-inlined method so that a mode loads only the assemblies it uses.
/// </summary>
public static class Program
{
    public const string SecretKey = "sk_test_startupbenchmarkstartupbenchmark00";

    public static async Task<int> Main(string[] args)
    {
        var main = Stopwatch.GetTimestamp();
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: Clerk.Sdk.Startup sdk|raw|raw-poco SPAWNED_AT API_URL USER_ID | verify-sdk|verify-raw SPAWNED_AT KEY.pem TOKEN_FILE ISSUER");
            return 2;
        }
        var spawned = long.Parse(args[1], CultureInfo.InvariantCulture);
        var start = Stopwatch.GetTimestamp();
        var result = args[0] switch
        {
            "sdk" => await SdkAsync(args[2], args[3]),
            "raw" => await RawAsync(args[2], args[3]),
            "raw-poco" => await RawPocoAsync(args[2], args[3]),
            "verify-sdk" => await VerifySdkAsync(File.ReadAllText(args[2]), File.ReadAllText(args[3]), args[4]),
            "verify-raw" => await VerifyRawAsync(File.ReadAllText(args[2]), File.ReadAllText(args[3]), args[4]),
            _ => throw new ArgumentException("unknown mode " + args[0]),
        };
        var done = Stopwatch.GetTimestamp();
        if (!result.StartsWith("user_", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("unexpected result " + result);
            return 1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"main={Ms(spawned, main):F2} first={Ms(start, done):F2} done={Ms(spawned, done):F2} result={result}"));
        return 0;
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> SdkAsync(string apiUrl, string userId)
    {
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = SecretKey, ApiUrl = apiUrl });
        var user = await clerk.Users.GetAsync(userId);
        return user.Id;
    }

    /// <summary>The same transport settings as the SDK's (and the per-call benchmarks' baseline).</summary>
    private static HttpClient RawHttpClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecretKey);
        return client;
    }

    private static async Task<T> RawGetAsync<T>(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new JsonTextReader(new StreamReader(stream));
        return JsonSerializer.CreateDefault().Deserialize<T>(reader) ?? throw new InvalidDataException("empty body");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> RawAsync(string apiUrl, string userId)
    {
        using var client = RawHttpClient();
        var user = await RawGetAsync<Clerk.BackendApi.User>(client, apiUrl + "/users/" + Uri.EscapeDataString(userId));
        return user.Id;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> RawPocoAsync(string apiUrl, string userId)
    {
        using var client = RawHttpClient();
        var user = await RawGetAsync<PocoUser>(client, apiUrl + "/users/" + Uri.EscapeDataString(userId));
        return user.Id;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> VerifySdkAsync(string pem, string token, string issuer)
    {
        var verifier = new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = pem, Issuer = issuer });
        var claims = await verifier.VerifySessionTokenAsync(token.Trim());
        return claims.UserId;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<string> VerifyRawAsync(string pem, string token, string issuer)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.Trim(), new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(rsa),
            ValidAlgorithms = ["RS256"],
            ValidIssuer = issuer,
            ValidateAudience = false,
            ClockSkew = TimeSpan.FromSeconds(5),
        });
        if (!result.IsValid) throw result.Exception;
        return (string)result.Claims["sub"];
    }
}
