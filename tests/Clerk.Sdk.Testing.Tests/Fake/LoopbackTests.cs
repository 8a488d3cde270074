using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Fake;

/// <summary>The fake on loopback Kestrel, reached as another process would: a plain HttpClient on 127.0.0.1.</summary>
public sealed class LoopbackTests
{
    [Test]
    public async Task PlainHttpClient_ReachesTheFakeOnLoopback()
    {
        await using var fake = await FakeClerkServer.StartOnLoopbackAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, fake.ApiUrl + "/jwks");
        request.Headers.Authorization = new("Bearer", fake.SecretKey);

        using var response = await http.SendAsync(request);
        var jwks = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(fake.ApiUrl, Does.Match(@"^http://127\.0\.0\.1:\d+/v1$"));
        Assert.That((string?)jwks["keys"]![0]!["kid"], Is.EqualTo(fake.KeyId));
        Assert.That(fake.ToString(), Does.Not.Contain(fake.SecretKey));
    }
}
