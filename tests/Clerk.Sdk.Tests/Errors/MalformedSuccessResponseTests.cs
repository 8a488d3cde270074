using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.Sdk.Tests.Support;
using Newtonsoft.Json;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Clerk.Sdk.Tests.Support.WireFixtures;

namespace Clerk.Sdk.Tests.Errors;

/// <summary>
/// A success status with a body the SDK cannot read (truncated JSON, wrong shape, nothing at all) gives a
/// <see cref="ClerkApiException"/> that says so, never a raw Json.NET exception or a NullReferenceException.
/// </summary>
public class MalformedSuccessResponseTests : MockedClientTest
{
    private static ClerkApiException ThrowsClerkApiException(Func<Task> call)
    {
        // ThrowsAsync<T> is exact: a JsonReaderException or NullReferenceException would fail here.
        var ex = Assert.ThrowsAsync<ClerkApiException>(() => call());
        Assert.That(ex, Is.InstanceOf<ClerkException>());
        return ex!;
    }

    [Test]
    public void TruncatedJson_IsAClerkException_ThatSaysItCouldNotBeDeserialized()
    {
        var truncated = SessionJson()[..180];
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(truncated);

        var ex = ThrowsClerkApiException(() => Client.Sessions.GetAsync(SessionId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ex.Message, Does.Contain("Could not deserialize").And.Contain("Session"));
            Assert.That(ex.Message, Does.Not.Contain("empty body"), "the body was not empty");
            Assert.That(ex.Message, Does.Not.Contain("error JSON"), "a 200 body is not an error body");
            Assert.That(ex.Message, Does.Contain("BodyExcerpt"), "the message says where the body is");
            Assert.That(ex.InnerException, Is.InstanceOf<JsonException>(), "the Json.NET error is kept as the cause");
            Assert.That(ex.BodyExcerpt, Does.Contain("\"object\": \"session\""), "the excerpt shows what arrived");
        }
    }

    [Test]
    public void TruncatedJson_InAList_IsAClerkException()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/api_keys", $"subject={ApiKeySubject}&limit=100&offset=0").RespondJson("""{ "data": [ { "object": "api_key", "id": "ak_3bee""");

        var ex = ThrowsClerkApiException(() => Client.ApiKeys.ListAsync(ApiKeySubject).GetPageAsync());

        Assert.That(ex.Message, Does.Contain("Could not read the response body as a list"));
        Assert.That(ex.BodyExcerpt, Does.Contain("ak_3bee"));
    }

    [Test]
    public void UnreadableSuccessBody_KeepsSecretsOutOfTheMessage()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, $"/api_keys/{ApiKeyId}/secret").RespondJson($$"""{ "secret": "{{ApiKeySecret}}", """);
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/tokens").RespondJson($$"""{ "object": "token", "jwt": "{{Jwt}}" """);

        var secret = ThrowsClerkApiException(() => Client.ApiKeys.GetSecretAsync(ApiKeyId));
        var token = ThrowsClerkApiException(() => Client.Sessions.CreateTokenAsync(SessionId, new Clerk.BackendApi.CreateSessionTokenRequest()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret.Message, Does.Contain("Could not deserialize").And.Not.Contain(ApiKeySecret));
            Assert.That(secret.ToString(), Does.Not.Contain(ApiKeySecret));
            Assert.That(token.Message, Does.Contain("Could not deserialize").And.Not.Contain(Jwt));
            Assert.That(token.ToString(), Does.Not.Contain(Jwt));
            Assert.That(secret.BodyExcerpt, Does.Contain(ApiKeySecret), "the caller can still look at what arrived");
        }
    }

    [Test]
    public void WrongTypeForAField_IsAClerkException()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson(SessionJson().Replace($"\"created_at\": {CreatedAt}", "\"created_at\": \"yesterday\"", StringComparison.Ordinal));

        var ex = ThrowsClerkApiException(() => Client.Sessions.GetAsync(SessionId));

        Assert.That(ex.Message, Does.Contain("Could not deserialize"));
        Assert.That(ex.InnerException, Is.InstanceOf<JsonException>());
    }

    [Test]
    public void ArrayWhereAnObjectIsExpected_IsAClerkException()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, $"/api_keys/{ApiKeyId}/secret").RespondJson("[]");

        var ex = ThrowsClerkApiException(() => Client.ApiKeys.GetSecretAsync(ApiKeyId));

        Assert.That(ex.Message, Does.Contain("Could not deserialize"));
    }

    [Test]
    public void Empty204_WhereABodyIsExpected_IsAClerkApiException_ThatNamesTheStatus()
    {
        MockHandler.ExpectClerk(HttpMethod.Delete, "/api_keys/" + ApiKeyId).Respond(HttpStatusCode.NoContent);

        var ex = ThrowsClerkApiException(() => Client.ApiKeys.DeleteAsync(ApiKeyId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(ex.Message, Does.Contain("204").And.Contain("not expected").And.Contain("empty body"));
            Assert.That(ex.Errors, Is.Empty);
        }
    }

    [Test]
    public void Empty200_WhereABodyIsExpected_IsAClerkApiException_ThatSaysTheBodyIsEmpty()
    {
        MockHandler.ExpectClerk(HttpMethod.Post, $"/sessions/{SessionId}/tokens").Respond(HttpStatusCode.OK, new StringContent(string.Empty));

        var ex = ThrowsClerkApiException(() => Client.Sessions.CreateTokenAsync(SessionId, new Clerk.BackendApi.CreateSessionTokenRequest()));

        Assert.That(ex.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ex.Message, Does.Contain("null").And.Contain("empty body"));
    }

    [Test]
    public void JsonNull200_IsAClerkApiException()
    {
        MockHandler.ExpectClerk(HttpMethod.Get, "/sessions/" + SessionId).RespondJson("null");

        var ex = ThrowsClerkApiException(() => Client.Sessions.GetAsync(SessionId));

        Assert.That(ex.Message, Does.Contain("Response was null"));
    }
}
