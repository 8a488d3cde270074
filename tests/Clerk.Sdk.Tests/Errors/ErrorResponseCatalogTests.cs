using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using Clerk.Sdk.TestKit;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Errors;

/// <summary>
/// What a caller gets from every kind of error response, reviewed like the public API: status, Clerk's codes and
/// messages with their meta, the trace id (body, then headers), the excerpt of a body that is not Clerk's, the attempts
/// and the message, for a corpus of responses, listed in <c>error-responses.approved.txt</c> beside this file. A change
/// fails here and writes the <c>.received.txt</c>; approve it by renaming.
/// </summary>
public class ErrorResponseCatalogTests
{
    private static readonly string Long = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"word{i}"));

    private static IEnumerable<(string Name, int Status, string? Body, (string Name, string Value)[] Headers)> Corpus()
    {
        yield return ("Clerk's 404 with a long message and meta", 404, """{"errors":[{"code":"resource_not_found","message":"not found","long_message":"User not found","meta":{"param_name":"user_id"}}],"clerk_trace_id":"trace_body"}""", [("x-clerk-trace-id", "trace_header")]);
        yield return ("two errors, session and identifier meta (non-strings skipped)", 422, """{"errors":[{"code":"form_identifier_exists","message":"taken","meta":{"session_id":"sess_1","email_addresses":["a@x.test",5,"b@x.test"],"identifiers":["+1555",null]}},{"code":"form_password_pwned","message":"pwned","long_message":"The password was found in a breach."}]}""", []);
        yield return ("a session id that is not a string", 400, """{"errors":[{"code":"c","message":"m","meta":{"session_id":7}}]}""", []);
        yield return ("code and message that are not strings", 400, """{"errors":[{"code":12,"message":["x"]}],"clerk_trace_id":99}""", [("clerk-trace-id", "trace_second_header")]);
        yield return ("the trace id from the third header name", 500, """{"errors":[]}""", [("X-Trace-Id", "trace_third")]);
        yield return ("an HTML page, collapsed and cut", 502, "<html>\n<body>\n" + Long + Long + "</body></html>", []);
        yield return ("a text body of exactly the excerpt length", 503, new string('x', 200), []);
        yield return ("a text body one over the excerpt length", 503, new string('y', 201), []);
        yield return ("an empty body", 500, "", []);
        yield return ("whitespace", 500, " \n\t ", []);
        yield return ("JSON that is not an object", 400, "[1,2,3]", []);
        yield return ("JSON with a date-like trace id kept as written", 400, """{"errors":[{"code":"c","message":"m"}],"clerk_trace_id":"2024-01-02T03:04:05Z"}""", []);
        yield return ("truncated JSON", 500, """{"errors":[{"code":"c","mess""", []);
        yield return ("a success status with a body that is not JSON (never shown)", 200, "sk_live_secret_value_here", []);
        yield return ("the last success status, 299 (never shown)", 299, "sk_live_secret_value_here", []);
        yield return ("a redirect status, 300, with a text body (shown: not a success)", 300, "Multiple Choices", []);
    }

    [Test]
    public void EveryErrorResponse_GivesItsApprovedException()
    {
        var lines = new List<string>();
        foreach (var (name, status, body, headers) in Corpus())
        {
            var map = headers.ToDictionary(h => h.Name, h => (IEnumerable<string>)[h.Value], StringComparer.OrdinalIgnoreCase);
            Describe(lines, name, new ClerkApiException("Users.Get GET /users/{user_id} failed.", status, body, map, null));
        }
        Describe(lines, "no headers, a cause, three attempts", new ClerkApiException("Users.Get GET /users/{user_id} failed.", 503, null, null, new TimeoutException("the attempt timed out"), 3));
        Describe(lines, "one attempt says nothing of attempts", new ClerkApiException("Users.Get GET /users/{user_id} failed.", 503, null, null, null, 1));

        Describe(lines, "a missing field at the top", new ClerkMissingFieldException("Users.Get GET /users/{user_id}", typeof(Clerk.BackendApi.User), "Id", "id", "", false, 200, "{}", null, new InvalidOperationException("x"), 1));
        Describe(lines, "a null field deeper down", new ClerkMissingFieldException("Users.List GET /users", typeof(Clerk.BackendApi.User), "Id", "id", "[0]", true, 200, "[{}]", null, new InvalidOperationException("x"), 2));

        // Through the client: a retried 503, then the 404 it maps to.
        using var mock = new MockHttpMessageHandler();
        var calls = 0;
        mock.Fallback.Respond(_ => ++calls < 3
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"errors":[{"code":"busy","message":"try later"}]}""") }
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"errors":[{"code":"resource_not_found","message":"not found"}],"clerk_trace_id":"t_404"}""") });
        using var clerk = new ClerkClient(new ClerkClientOptions
        {
            SecretKey = Support.ClerkMock.SecretKey,
            HttpMessageHandler = mock,
            Retry = new ClerkRetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
        });
        Describe(lines, "through the client after two retried 503s", Assert.ThrowsAsync<ClerkApiException>(() => clerk.Users.GetAsync("user_1"))!);

        Support.ApprovedListing.Verify(lines, Path.Combine(RepoPaths.Root, "tests", "Clerk.Sdk.Tests", "Errors", "error-responses.approved.txt"));
    }

    private static void Describe(List<string> lines, string name, ClerkApiException ex)
    {
        lines.Add($"{name}: {ex.GetType().Name} {(int)ex.StatusCode} code={ex.Code ?? "-"} trace={ex.TraceId ?? "-"} attempts={ex.Attempts} headers={ex.Headers.Count}");
        lines.Add($"    message: {ex.Message}");
        if (ex.BodyExcerpt is not null) lines.Add($"    excerpt: {ex.BodyExcerpt}");
        foreach (var error in ex.Errors)
        {
            var meta = error.Meta is null ? "" : $" meta(param={error.Meta.ParamName ?? "-"}, session={error.Meta.SessionId ?? "-"}, emails=[{string.Join(",", error.Meta.EmailAddresses)}], identifiers=[{string.Join(",", error.Meta.Identifiers)}])";
            lines.Add($"    error: code={error.Code} message={error.Message} long={error.LongMessage ?? "-"}{meta} -> {error}");
        }
    }
}
