using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.Tests.Support;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Http;

/// <summary>
/// Success bodies are streamed into the model (no string of the whole body; bench/README.md has the figures); the
/// text is read only for an exception, so what the caller learns from a bad body is what the string read gave.
/// </summary>
public class StreamedResponseTests
{
    [Test]
    public void TheFacadeClients_Stream()
    {
        using var clerk = new ClerkClient(ClerkMock.SecretKey);

        Assert.That(((UsersClient)clerk.Users).ReadResponseAsString, Is.False);
        Assert.That(((SessionsClient)clerk.Sessions).ReadResponseAsString, Is.False);
    }

    [Test]
    public void AJsonNull_KeepsItsText_NotAnEmptyBody()
    {
        using var mock = ClerkMock.NewHandler();
        using var clerk = ClerkMock.NewClient(mock);
        mock.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson("null");

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Sessions.GetAsync(SessionId));

        Assert.That(ex!.Message, Does.Contain("Response was null").And.Not.Contain("empty body"));
        Assert.That(ex.BodyExcerpt, Is.EqualTo("null"));
    }

    [Test]
    public async Task AnHttpClientWithoutTheSdkPipeline_IsReadToo_AndATruncatedBodyKeepsItsExcerpt()
    {
        using var mock = ClerkMock.NewHandler();
        using var http = new HttpClient(mock);
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = ClerkMock.SecretKey, HttpClient = http });
        mock.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(SessionJson());
        mock.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(SessionJson()[..180]);

        var session = await clerk.Sessions.GetAsync(SessionId);
        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Sessions.GetAsync(SessionId));

        Assert.That(session.Id, Is.EqualTo(SessionId));
        Assert.That(ex!.Message, Does.Contain("Could not deserialize"));
        Assert.That(ex.InnerException, Is.InstanceOf<Newtonsoft.Json.JsonException>());
        Assert.That(ex.BodyExcerpt, Does.Contain("\"object\": \"session\""));
    }

    [Test]
    public void TheStringRead_GivesTheSameException_AsTheStreamedRead()
    {
        using var mock = ClerkMock.NewHandler();
        using var clerk = new StringReadingClient(mock);
        var truncated = SessionJson()[..180];
        mock.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(truncated);
        mock.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(truncated);

        var streamed = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Sessions.GetAsync(SessionId));
        var stringRead = Assert.ThrowsAsync<ClerkApiException>(() => clerk.StringSessions.GetAsync(SessionId));

        Assert.That(streamed!.BodyExcerpt, Is.EqualTo(stringRead!.BodyExcerpt));
        Assert.That(streamed.StatusCode, Is.EqualTo(stringRead.StatusCode));
        Assert.That(streamed.InnerException!.GetType(), Is.EqualTo(stringRead.InnerException!.GetType()));
    }

    /// <summary>A ClerkClient with a second Sessions client that reads bodies as strings (NSwag's own path).</summary>
    private sealed class StringReadingClient(MockHttpMessageHandler mock)
        : ClerkClient(new ClerkClientOptions { SecretKey = ClerkMock.SecretKey, HttpMessageHandler = mock, Retry = new ClerkRetryOptions { MaxRetries = 0 } })
    {
        public ISessionsClient StringSessions => field ??= new SessionsClient(Connection) { ReadResponseAsString = true };
    }
}
