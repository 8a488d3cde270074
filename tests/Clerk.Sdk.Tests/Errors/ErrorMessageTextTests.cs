using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Errors;

/// <summary>
/// An error message says each thing once (Clerk's long message only where it adds to the short one), and follows the
/// documented policy for ids: the SDK names the operation by its path template, never the id it was called with;
/// Clerk's own messages are kept as Clerk wrote them.
/// </summary>
public class ErrorMessageTextTests
{
    [TestCase("form_identifier_exists", "That email address is taken.", "That email address is taken.", "form_identifier_exists: That email address is taken.")]
    [TestCase("form_identifier_exists", "That email address is taken.", null, "form_identifier_exists: That email address is taken.")]
    [TestCase("form_param_format_invalid", "is invalid", "email_address is invalid", "form_param_format_invalid: email_address is invalid")]
    [TestCase("resource_not_found", "not found", "The user could not be found; check the id.", "resource_not_found: not found (The user could not be found; check the id.)")]
    [TestCase("", "Something failed", "", "Something failed")]
    [TestCase("x", "", "Only the long one", "x: Only the long one")]
    public void AnErrorEntryReadsOnce(string code, string message, string? longMessage, string expected) =>
        Assert.That(new ClerkApiError(code, message, longMessage, null).ToString(), Is.EqualTo(expected));

    [Test]
    public async Task TheExceptionMessageDoesNotRepeatClerksText()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.UnprocessableEntity, "application/json",
            """{"errors":[{"code":"form_identifier_exists","message":"That email address is taken.","long_message":"That email address is taken."}],"clerk_trace_id":"trace_1"}""");
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_ErrorMessageTextTests0000", HttpMessageHandler = mock });

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Users.CreateAsync(new BackendApi.CreateUserRequest { EmailAddress = ["ada@example.com"] }))!;

        Assert.That(ex.Message, Does.Contain("form_identifier_exists: That email address is taken. [trace id trace_1]"));
        Assert.That(ex.Message.Split("That email address is taken").Length - 1, Is.EqualTo(1), ex.Message);
        await Task.CompletedTask;
    }

    [Test]
    public void TheSdkNamesTheOperationByItsTemplate_NotTheIdItWasCalledWith()
    {
        const string userId = "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.NotFound, "application/json",
            """{"errors":[{"code":"resource_not_found","message":"not found","long_message":"The resource could not be found."}],"clerk_trace_id":"trace_2"}""");
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_ErrorMessageTextTests0000", HttpMessageHandler = mock });

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => clerk.Users.GetAsync(userId))!;

        Assert.That(ex.Message, Does.Contain("Users.Get GET /users/{user_id}").And.Not.Contain(userId).And.Not.Contain("sk_test_"));
        Assert.That(ex.ToString(), Does.Not.Contain(userId));
    }
}
