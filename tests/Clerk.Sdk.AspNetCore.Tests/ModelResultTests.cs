using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.AspNetCore.Tests.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>
/// The README's pattern: an endpoint returns an SDK model straight from a resource client, and takes one as its body.
/// ASP.NET Core writes and reads them with System.Text.Json; the caller must see Clerk's JSON, not .NET property names.
/// </summary>
[TestFixture]
public class ModelResultTests
{
    [Test]
    public async Task EndpointReturningAUser_AnswersClerksJson()
    {
        await using var api = await FakeClerkApi.StartAsync();
        await using var app = await LoopbackApp.StartAsync(
            new Dictionary<string, string?> { ["Clerk:SecretKey"] = "sk_test_0123456789abcdefghijklmnopqrstuvwxyz", ["Clerk:ApiUrl"] = api.Url },
            builder => builder.Services.AddClerk(builder.Configuration),
            endpoints => endpoints.MapGet("/users/{id}", (string id, IUsersClient users, CancellationToken ct) => users.GetAsync(id, cancellationToken: ct)));

        var body = JObject.Parse(await app.Client.GetStringAsync("/users/user_123"));

        Assert.That((string?)body["id"], Is.EqualTo("user_123"));
        Assert.That((string?)body["object"], Is.EqualTo("user"));
        Assert.That((string?)body["first_name"], Is.EqualTo("Ada"));
        Assert.That(body["firstName"], Is.Null);
        Assert.That(body["additionalProperties"], Is.Null);
    }

    [Test]
    public async Task EndpointTakingARequestModel_ReadsClerksJson_AndAnswers400ForAWrongShape()
    {
        await using var app = await LoopbackApp.StartAsync(
            new Dictionary<string, string?>(),
            _ => { },
            endpoints => endpoints.MapPost("/users", (CreateUserRequest request) => Results.Ok(new
            {
                first = request.FirstName,
                emails = request.EmailAddress,
                plan = (string?)request.PublicMetadata?["plan"],
                skip = request.SkipPasswordRequirement,
            })));

        var ok = await app.Client.PostAsync("/users", Json("""{ "first_name": "Grace", "email_address": ["g@example.com"], "public_metadata": { "plan": "pro" }, "skip_password_requirement": true }"""));
        var answer = JObject.Parse(await ok.Content.ReadAsStringAsync());
        var bad = await app.Client.PostAsync("/users", Json("""{ "skip_password_requirement": "maybe" }"""));

        Assert.That((int)ok.StatusCode, Is.EqualTo(200), answer.ToString());
        Assert.That((string?)answer["first"], Is.EqualTo("Grace"));
        Assert.That(answer["emails"]!.Values<string>(), Is.EqualTo(new[] { "g@example.com" }));
        Assert.That((string?)answer["plan"], Is.EqualTo("pro"));
        Assert.That((bool?)answer["skip"], Is.True);
        Assert.That((int)bad.StatusCode, Is.EqualTo(400));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
