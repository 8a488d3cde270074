using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Clerk.BackendApi;
using Clerk.Sdk.Benchmarks.Stj;
using Newtonsoft.Json;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// What one Backend API call costs through the SDK next to a minimal hand-written call, against the same in-process
/// Kestrel server on loopback (<see cref="LoopbackClerkServer"/>): <c>GET /users/{id}</c> (one user, ~3.7 KB) and
/// <c>GET /users?limit=500</c> (500 users, ~1.85 MB). Baseline of each group: raw <see cref="HttpClient"/> +
/// Newtonsoft.Json streaming (<see cref="JsonTextReader"/>) into the same generated <see cref="User"/> model.
/// Every HttpClient has the same transport: a <see cref="SocketsHttpHandler"/> with a 5-minute pooled connection
/// lifetime, as the SDK builds it. Allocated bytes are process-wide (BenchmarkDotNet reads
/// <c>GC.GetTotalAllocatedBytes</c>), so they include the server's share of each request, the same for every row.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ApiCallBenchmarks
{
    private const string SecretKey = "sk_test_BenchmarkBenchmarkBenchmarkBenchmark00";
    private const int ListSize = 500;

    private static readonly Newtonsoft.Json.JsonSerializer NewtonsoftSerializer = Newtonsoft.Json.JsonSerializer.CreateDefault();
    private static readonly AuthenticationHeaderValue Authorization = new("Bearer", SecretKey);

    private LoopbackClerkServer _server = null!;
    private HttpClient _http = null!;
    private ClerkClient _clerk = null!;
    private ClerkClient _clerkStringRead = null!;
    private string _userId = null!;
    private string _baseUrl = null!;
    private readonly byte[] _discard = new byte[64 * 1024];

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackClerkServer.StartAsync().GetAwaiter().GetResult();
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _clerk = new ClerkClient(new ClerkClientOptions { SecretKey = SecretKey, ApiUrl = _server.BaseUrl });
        _clerkStringRead = new StringReadingClerkClient(new ClerkClientOptions { SecretKey = SecretKey, ApiUrl = _server.BaseUrl });
        _userId = ClerkPayloads.UserId(0);
        _baseUrl = _server.BaseUrl;
        Check().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _clerk.Dispose();
        _clerkStringRead.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    // ---- GET /users/{id}: one user -------------------------------------------------------------------------------

    [Benchmark(Baseline = true, Description = "raw HttpClient + Newtonsoft (stream)")]
    [BenchmarkCategory("Get user")]
    public async Task<User> Get_RawNewtonsoft()
    {
        using var response = await Send(UserUrl(_userId)).ConfigureAwait(false);
        return await ReadNewtonsoft<User>(response).ConfigureAwait(false);
    }

    [Benchmark(Description = "raw HttpClient + System.Text.Json (POCO)")]
    [BenchmarkCategory("Get user")]
    public async Task<StjUser> Get_RawSystemTextJson()
    {
        using var response = await Send(UserUrl(_userId)).ConfigureAwait(false);
        return await ReadStj<StjUser>(response).ConfigureAwait(false);
    }

    [Benchmark(Description = "raw HttpClient, body read, no JSON")]
    [BenchmarkCategory("Get user")]
    public async Task<long> Get_RawNoJson()
    {
        using var response = await Send(UserUrl(_userId)).ConfigureAwait(false);
        return await Drain(response).ConfigureAwait(false);
    }

    [Benchmark(Description = "ClerkClient Users.GetAsync")]
    [BenchmarkCategory("Get user")]
    public Task<User> Get_Sdk() => _clerk.Users.GetAsync(_userId);

    [Benchmark(Description = "ClerkClient Users.GetAsync, ReadResponseAsString")]
    [BenchmarkCategory("Get user")]
    public Task<User> Get_SdkStringRead() => _clerkStringRead.Users.GetAsync(_userId);

    // ---- GET /users?limit=500: 500 users -------------------------------------------------------------------------

    [Benchmark(Baseline = true, Description = "raw HttpClient + Newtonsoft (stream)")]
    [BenchmarkCategory("List 500 users")]
    public async Task<int> List_RawNewtonsoft()
    {
        using var response = await Send(ListUrl(ListSize, 0)).ConfigureAwait(false);
        return (await ReadNewtonsoft<List<User>>(response).ConfigureAwait(false)).Count;
    }

    [Benchmark(Description = "raw HttpClient + System.Text.Json (POCO)")]
    [BenchmarkCategory("List 500 users")]
    public async Task<int> List_RawSystemTextJson()
    {
        using var response = await Send(ListUrl(ListSize, 0)).ConfigureAwait(false);
        return (await ReadStj<List<StjUser>>(response).ConfigureAwait(false)).Count;
    }

    [Benchmark(Description = "raw HttpClient, body read, no JSON")]
    [BenchmarkCategory("List 500 users")]
    public async Task<long> List_RawNoJson()
    {
        using var response = await Send(ListUrl(ListSize, 0)).ConfigureAwait(false);
        return await Drain(response).ConfigureAwait(false);
    }

    [Benchmark(Description = "ClerkClient Users.ListAsync().GetPageAsync(pageSizeHint: 500)")]
    [BenchmarkCategory("List 500 users")]
    public async Task<int> List_Sdk() => (await _clerk.Users.ListAsync().GetPageAsync(pageSizeHint: ListSize).ConfigureAwait(false)).Count;

    [Benchmark(Description = "ClerkClient Users.ListAsync().GetPageAsync(pageSizeHint: 500), ReadResponseAsString")]
    [BenchmarkCategory("List 500 users")]
    public async Task<int> List_SdkStringRead() => (await _clerkStringRead.Users.ListAsync().GetPageAsync(pageSizeHint: ListSize).ConfigureAwait(false)).Count;

    // ---- the minimal hand-written call ---------------------------------------------------------------------------

    // The URL is built per call from the arguments, as a hand-written call would (the SDK builds it per call too).
    private string UserUrl(string userId) => $"{_baseUrl}/users/{Uri.EscapeDataString(userId)}";

    private string ListUrl(int limit, int offset) => $"{_baseUrl}/users?limit={limit}&offset={offset}";

    private async Task<HttpResponseMessage> Send(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = Authorization;
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return response;
    }

    private static async Task<T> ReadNewtonsoft<T>(HttpResponseMessage response)
    {
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            using var json = new JsonTextReader(reader);
            return NewtonsoftSerializer.Deserialize<T>(json) ?? throw new InvalidDataException("null body");
        }
    }

    private static async Task<T> ReadStj<T>(HttpResponseMessage response)
    {
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<T>(stream, StjOptions.Options).ConfigureAwait(false) ?? throw new InvalidDataException("null body");
        }
    }

    private async Task<long> Drain(HttpResponseMessage response)
    {
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(_discard).ConfigureAwait(false)) > 0) total += read;
            return total;
        }
    }

    /// <summary>Every contender reads the same data: checked once per process, before measuring.</summary>
    private async Task Check()
    {
        var sdk = await Get_Sdk().ConfigureAwait(false);
        var raw = await Get_RawNewtonsoft().ConfigureAwait(false);
        var stj = await Get_RawSystemTextJson().ConfigureAwait(false);
        var stringRead = await Get_SdkStringRead().ConfigureAwait(false);
        Require(sdk.Id == _userId && raw.Id == _userId && stj.Id == _userId && stringRead.Id == _userId, "every contender reads the user id");
        Require(UnknownFields(sdk).Count == 0, $"the payload has no field the generated model lacks (unknown: {string.Join(", ", UnknownFields(sdk))})");
        Require(sdk.EmailAddresses.Count == 1 && sdk.EmailAddresses[0].Verification!.Status == "verified" && stj.EmailAddresses![0].Verification!.Status == "verified", "nested verifications are read");
        Require(stj.ExternalAccounts![0].Verification!.Strategy == sdk.ExternalAccounts[0].Verification!.Strategy && stj.Scim!.DirectoryId == sdk.Scim!.DirectoryId, "both models read nested objects");
        Require(raw.PrivateMetadata!["stripe_customer_id"]!.ToString() == stj.PrivateMetadata!["stripe_customer_id"].GetString(), "both models read metadata");
        Require(await Get_RawNoJson().ConfigureAwait(false) == _server.UserJson.Length, "the body is read whole");
        var counts = new[] { await List_Sdk().ConfigureAwait(false), await List_RawNewtonsoft().ConfigureAwait(false), await List_RawSystemTextJson().ConfigureAwait(false), await List_SdkStringRead().ConfigureAwait(false) };
        Require(counts.All(c => c == ListSize), $"every contender reads {ListSize} users ({string.Join(", ", counts)})");
        Console.WriteLine($"// payloads: user {_server.UserJson.Length:N0} bytes, {ListSize} users {_server.PageJson(ListSize).Length:N0} bytes");
    }

    private static List<string> UnknownFields(User user)
    {
        var unknown = user.AdditionalProperties.Keys.ToList();
        unknown.AddRange(user.EmailAddresses.SelectMany(e => e.AdditionalProperties.Keys.Concat(e.Verification!.AdditionalProperties.Keys)));
        unknown.AddRange(user.ExternalAccounts.SelectMany(e => e.AdditionalProperties.Keys.Concat(e.Verification!.AdditionalProperties.Keys)));
        unknown.AddRange(user.EnterpriseAccounts.SelectMany(e => e.AdditionalProperties.Keys.Concat(e.EnterpriseConnection!.AdditionalProperties.Keys)));
        unknown.AddRange(user.PhoneNumbers.SelectMany(e => e.AdditionalProperties.Keys));
        unknown.AddRange(user.Web3Wallets.SelectMany(e => e.AdditionalProperties.Keys.Concat(e.Verification!.AdditionalProperties.Keys)));
        unknown.AddRange(user.Passkeys.SelectMany(e => e.AdditionalProperties.Keys.Concat(e.Verification.AdditionalProperties.Keys)));
        return unknown;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException("benchmark set-up check failed: " + what);
    }
}
