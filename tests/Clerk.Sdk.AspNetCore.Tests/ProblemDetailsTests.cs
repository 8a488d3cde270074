using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.AspNetCore.Tests.TestKit;
using Clerk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>
/// <c>AddClerkProblemDetails()</c> on Kestrel against the fake: what the caller caused passes through as ProblemDetails
/// with Clerk's codes (404, 422); Clerk refusing the app's own key is the app's problem (502), not the caller's 401.
/// </summary>
[TestFixture]
public class ProblemDetailsTests
{
    private static Task<LoopbackApp> StartAsync(FakeClerkServer fake, string secretKey) => LoopbackApp.StartAsync(
        new Dictionary<string, string?> { ["Clerk:SecretKey"] = secretKey, ["Clerk:ApiUrl"] = fake.ApiUrl, ["Clerk:Retry:MaxRetries"] = "0" },
        builder =>
        {
            builder.Services.AddClerk(builder.Configuration);
            builder.Services.AddClerkProblemDetails();
        },
        app =>
        {
            app.UseExceptionHandler();
            app.MapGet("/users/{id}", async (string id, IUsersClient users) => Results.Ok((await users.GetAsync(id)).Id));
            app.MapPost("/users", async (IUsersClient users) => Results.Ok((await users.CreateAsync(new CreateUserRequest { FirstName = "No identifier" })).Id));
        });

    private static async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> SendAsync(LoopbackApp app, HttpMethod method, string path)
    {
        using var response = await app.Client.SendAsync(new HttpRequestMessage(method, path));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Test]
    public async Task ADeletedUser_Is404ProblemDetails_WithClerksCode()
    {
        await using var fake = await FakeClerkServer.StartOnLoopbackAsync();
        await using var app = await StartAsync(fake, fake.SecretKey);

        var (status, type, body) = await SendAsync(app, HttpMethod.Get, "/users/user_2deleted");

        Assert.That((status, type), Is.EqualTo((HttpStatusCode.NotFound, "application/problem+json")));
        Assert.That(body.GetProperty("clerkErrors")[0].GetProperty("code").GetString(), Is.EqualTo("resource_not_found"));
        Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo(404));
    }

    [Test]
    public async Task AValidationFailure_Is422_WithTheParameter()
    {
        await using var fake = await FakeClerkServer.StartOnLoopbackAsync();
        await using var app = await StartAsync(fake, fake.SecretKey);

        var (status, _, body) = await SendAsync(app, HttpMethod.Post, "/users");

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body.GetProperty("clerkErrors")[0].GetProperty("paramName").GetString(), Is.EqualTo("email_address"));
    }

    [Test]
    public async Task ClerkRefusingTheAppsKey_Is502_AndSaysNothingOfTheKey()
    {
        await using var fake = await FakeClerkServer.StartOnLoopbackAsync();
        const string wrongKey = "sk_test_notTheFakesKey0123456789abcdef";
        await using var app = await StartAsync(fake, wrongKey);

        var (status, _, body) = await SendAsync(app, HttpMethod.Get, "/users/user_1");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(body.ToString(), Does.Not.Contain(wrongKey).And.Not.Contain("clerkErrors"));
    }
}
