using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Fake;

/// <summary>The request checks read from the spec, answered like Clerk (422 <c>form_param_*</c> with <c>meta.param_name</c>).</summary>
public sealed class ValidationTests : FakeTestBase
{
    [Test]
    public void MissingRequiredBodyField_Is422FormParamMissing()
    {
        var ex = Assert.ThrowsAsync<ClerkApiException>(() => Clerk.Sessions.CreateAsync(new CreateSessionRequest()));

        Assert.That((ex!.StatusCode, ex.Code, ex.Errors[0].Meta?.ParamName), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "form_param_missing", "user_id")));
    }

    [Test]
    public async System.Threading.Tasks.Task QueryOutOfRange_Is422FormParamValueInvalid()
    {
        // limit=501 is refused by the SDK before sending (ClerkPageable); a raw request shows the fake's own check.
        using var http = new System.Net.Http.HttpClient(Fake.CreateHttpMessageHandler());
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, Fake.ApiUrl.TrimEnd('/') + "/users?limit=501");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Fake.SecretKey);
        request.Headers.TryAddWithoutValidation("Clerk-API-Version", ClerkClientOptions.DefaultApiVersion);
        using var response = await http.SendAsync(request);
        var ex = new ClerkApiException("raw", (int)response.StatusCode, await response.Content.ReadAsStringAsync(), null, null);

        Assert.That((ex.StatusCode, ex.Code, ex.Errors[0].Meta?.ParamName), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "form_param_value_invalid", "limit")));
    }

    [Test]
    public async Task WrongTypesAndUnknownFields_AreAllReported()
    {
        using var http = new HttpClient(Fake.CreateHttpMessageHandler());
        using var request = new HttpRequestMessage(HttpMethod.Post, Fake.ApiUrl + "/users")
        {
            Content = new StringContent("{\"first_name\": 42, \"email_address\": \"a@b.c\", \"favourite_colour\": \"green\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", Fake.SecretKey);

        using var response = await http.SendAsync(request);
        var errors = (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["errors"]!;

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors.Select(e => ((string)e["code"]!, (string)e["meta"]!["param_name"]!)), Is.EquivalentTo(new[]
        {
            ("form_param_format_invalid", "first_name"), ("form_param_format_invalid", "email_address"), ("form_param_unknown", "favourite_colour"),
        }));
    }

    [Test]
    public void ApiKeyOperations_AnswerBadRequestAsTheirSpecDeclares()
    {
        var ex = Assert.ThrowsAsync<ClerkApiException>(() => Clerk.ApiKeys.CreateAsync(new CreateApiKeyRequest { Name = "k", Subject = "user_short" }));

        Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ex.Errors, Has.Some.Matches<ClerkApiError>(e => e.Meta!.ParamName == "subject"));
    }

    [Test]
    public async Task TakenEmail_Is422FormIdentifierExists()
    {
        await CreateUserAsync("Ann", "ann@example.com");

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => CreateUserAsync("Other", "ANN@example.com"));

        Assert.That((ex!.Code, ex.Errors[0].Meta?.ParamName), Is.EqualTo(("form_identifier_exists", "email_address")));
    }
}
