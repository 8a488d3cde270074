using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Authentication;
using Clerk.Http;
using Clerk.Sdk.Tests.Authentication;
using Clerk.Sdk.Tests.Webhooks;
using Clerk.Webhooks;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Fuzzing;

/// <summary>
/// One entry point per parser that reads untrusted input, each taking raw bytes (as a coverage-guided fuzzer gives them)
/// and throwing <see cref="FuzzFinding"/> when the input breaks the parser's contract: an exception other than the
/// documented ones (the <see cref="ClerkException"/> family where the parser reports bad input; none at all where it
/// returns a result), a call that does not finish within <see cref="Deadline"/>, or an answer the input cannot justify.
/// The property tests (<see cref="FuzzHarnessTests"/>) and the coverage-guided harness (build/fuzz.sh) run the same targets.
/// </summary>
public static class FuzzTargets
{
    /// <summary>How long one input may take before it counts as a hang.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>A session token of the instance, valid at <see cref="AuthTestKit.Now"/>.</summary>
    public static string ValidSessionToken { get; } = AuthTestKit.Sign(AuthTestKit.SessionHeader(), AuthTestKit.SessionClaims());

    private static readonly ClerkTokenVerifier PemVerifier = AuthTestKit.PemVerifier();

    private static readonly ClerkTokenVerifier RequestVerifier = AuthTestKit.PemVerifier(o => o.PublishableKey = PublishableKeyOfIssuer);

    private static readonly ClerkWebhookVerifier WebhookVerifier = WebhookFixture.Verifier();

    /// <summary>The publishable key of <see cref="AuthTestKit.Issuer"/>'s host.</summary>
    public static string PublishableKeyOfIssuer => Clerk.PublishableKey.FromFrontendApiHost(new Uri(AuthTestKit.Issuer).Host).Value;

    /// <summary>Every target with its seeds (valid inputs the generators mutate) and its share of the budget (the slower
    /// ones, which build a client per input, run a fraction of it). build/fuzz.sh runs one by name.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("session-token", SessionToken, 1,
            ValidSessionToken,
            AuthTestKit.Sign(AuthTestKit.SessionHeader(), AuthTestKit.SessionClaims().With("o", new { id = "org_1", rol = "admin", per = "read,manage", fpm = "3" })),
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyXzEifQ."),
        new("jwks", Jwks, 4,
            AuthTestKit.JwksJson((AuthTestKit.KidA, AuthTestKit.KeyA)),
            AuthTestKit.JwksJson((AuthTestKit.KidB, AuthTestKit.KeyB), (AuthTestKit.KidA, AuthTestKit.KeyA)),
            """{"keys":[{"kid":"ins_2aAAAAAAAAAAAAAAAAAAAAAAAAA","kty":"EC","crv":"P-256","x":"AA","y":"AA"}]}"""),
        new("webhook-headers", WebhookHeaders, 1,
            $"{WebhookFixture.MessageId}\n{WebhookTimestamp}\n{WebhookFixture.Signature}\n{WebhookFixture.Body}",
            $"{WebhookFixture.MessageId}\n{WebhookTimestamp}\nv1a,abc v1,AAAA {WebhookFixture.Signature}\n{WebhookFixture.Body}"),
        new("webhook-event", WebhookEvent, 1,
            """{"type":"user.created","object":"event","timestamp":1654012591835,"data":{"id":"user_1","object":"user","email_addresses":[],"created_at":1654012591514}}""",
            """{"type":"organizationMembership.created","object":"event","data":{"id":"orgmem_1","role":"org:admin","organization":{"id":"org_1"}}}""",
            """{"type":"something.new","object":"event","data":{"x":[1,2,{"y":null}]}}"""),
        new("error-body", ErrorBody, 2,
            "\u0000" + """{"errors":[{"message":"not found","long_message":"User not found","code":"resource_not_found","meta":{"param_name":"user_id"}}],"clerk_trace_id":"abc"}""",
            "\u001d" + """{"errors":[{"message":"too many","code":"rate_limit_exceeded"}]}""",
            "\u0064<html><body>Bad gateway</body></html>"),
        new("retry-after", RetryAfter, 1, "120", "0", "Wed, 21 Oct 2015 07:28:00 GMT", "-5", "1.5"),
        new("publishable-key", PublishableKey, 1,
            PublishableKeyOfIssuer,
            "pk_live_" + Convert.ToBase64String(Encoding.ASCII.GetBytes("clerk.example.com$")),
            "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k"),
        new("authenticate-request", AuthenticateRequest, 2,
            $"__session={ValidSessionToken}\n__client_uat={AuthTestKit.NowSeconds - 5}\nh:Sec-Fetch-Dest=document\nh:Accept=text/html",
            $"h:Authorization=Bearer {ValidSessionToken}\nh:Origin=https://app.example.com",
            $"h:Cookie=__session={ValidSessionToken}; __client_uat=1; __clerk_redirect_count=2\nh:Referer=https://other.example.org/x",
            "__clerk_handshake=e30\n__client_uat=0\nh:Sec-Fetch-Dest=document"),
        new("paging-response", PagingResponse, 2,
            """[{"id":"user_1","object":"user","email_addresses":[],"phone_numbers":[],"web3_wallets":[],"external_accounts":[],"created_at":1,"updated_at":1}]""",
            "[]",
            """{"data":[],"total_count":3}"""),
    ];

    private static string WebhookTimestamp => WebhookFixture.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A session token verified offline with the instance's PEM key: valid claims, or a <see cref="ClerkTokenException"/>.</summary>
    public static void SessionToken(byte[] input) =>
        Expect<ClerkTokenException>("session-token", () => PemVerifier.VerifySessionTokenAsync(Text(input)));

    /// <summary>A JWKS document answered by the Backend API while a token signed by the instance's key is verified:
    /// the claims (the document held the key), or an exception of the <see cref="ClerkException"/> family.</summary>
    public static void Jwks(byte[] input)
    {
        using var harness = new JwksHarness { JwksJson = Text(input) };
        var verifier = harness.Verifier(o => o.TimeProvider = AuthTestKit.Clock());
        Expect<ClerkException>("jwks", () => verifier.VerifySessionTokenAsync(ValidSessionToken));
    }

    /// <summary>Webhook headers and body (lines: <c>svix-id</c>, <c>svix-timestamp</c>, <c>svix-signature</c>, then the
    /// body): verified, or a <see cref="ClerkWebhookException"/>.</summary>
    public static void WebhookHeaders(byte[] input)
    {
        var lines = Text(input).Split('\n', 4);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string[] names = ["svix-id", "svix-timestamp", "svix-signature"];
        for (var i = 0; i < Math.Min(3, lines.Length); i++) headers[names[i]] = lines[i];
        var body = lines.Length > 3 ? lines[3] : "";
        Expect<ClerkWebhookException>("webhook-headers", () => { WebhookVerifier.Verify(body, headers); return Task.CompletedTask; });
    }

    /// <summary>A webhook body parsed into an event: an event, or a <see cref="ClerkWebhookException"/>.</summary>
    public static void WebhookEvent(byte[] input) =>
        Expect<ClerkWebhookException>("webhook-event", () => { _ = ClerkWebhookEvent.Parse(Text(input)); return Task.CompletedTask; });

    /// <summary>A Backend API error (the status from the first byte, the body from the rest): always a
    /// <see cref="ClerkApiException"/> carrying that status, whatever the body.</summary>
    public static void ErrorBody(byte[] input)
    {
        var status = input.Length > 0 ? 400 + (input[0] % 200) : 500;
        var body = input.Length > 1 ? input[1..] : [];
        using var mock = new MockHttpMessageHandler();
        mock.Fallback.Respond(_ => new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(body) { Headers = { { "Content-Type", status % 2 == 0 ? "application/json" : "text/html" } } } });
        using var clerk = Support.ClerkMock.NewClient(mock);
        try
        {
            Run("error-body", () => clerk.Users.GetAsync("user_1"));
        }
        catch (ClerkApiException ex) when ((int)ex.StatusCode == status)
        {
            return;
        }
        catch (Exception ex) when (ex is not FuzzFinding)
        {
            throw new FuzzFinding($"error-body: status {status} gave {ex.GetType().Name}, not a ClerkApiException with that status: {ex.Message}", ex);
        }
        throw new FuzzFinding($"error-body: status {status} did not throw");
    }

    /// <summary>A <c>Retry-After</c> value: ignored (null) or a wait of zero or more, never an exception.</summary>
    public static void RetryAfter(byte[] input)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", Text(input));
        TimeSpan? wait;
        try
        {
            wait = RetryAfterHeader.Read(response, AuthTestKit.Clock());
        }
        catch (Exception ex)
        {
            throw new FuzzFinding($"retry-after: {ex.GetType().Name}: {ex.Message}", ex);
        }
        if (wait < TimeSpan.Zero) throw new FuzzFinding($"retry-after: a negative wait {wait}");
    }

    /// <summary>A publishable key: <c>TryParse</c> never throws, <c>Parse</c> throws only
    /// <see cref="ClerkConfigurationException"/> and agrees with it, and a parsed key's Frontend API URL is a URL of its host.</summary>
    public static void PublishableKey(byte[] input)
    {
        var text = Text(input);
        bool parsed;
        Clerk.PublishableKey? key;
        try
        {
            parsed = Clerk.PublishableKey.TryParse(text, out key);
        }
        catch (Exception ex)
        {
            throw new FuzzFinding($"publishable-key: TryParse threw {ex.GetType().Name}: {ex.Message}", ex);
        }
        try
        {
            var again = Clerk.PublishableKey.Parse(text);
            if (!parsed) throw new FuzzFinding("publishable-key: Parse accepted what TryParse refused");
            if (again.FrontendApiHost != key!.FrontendApiHost) throw new FuzzFinding("publishable-key: Parse and TryParse disagree");
            var url = key.FrontendApiUrl;
            if (!string.Equals(url.Host, key.FrontendApiHost, StringComparison.OrdinalIgnoreCase) || url.Scheme != "https")
            {
                throw new FuzzFinding($"publishable-key: the Frontend API URL is not https://{{host}} (host '{key.FrontendApiHost}', URL host '{url.Host}')");
            }
        }
        catch (ClerkConfigurationException) when (!parsed)
        {
        }
        catch (Exception ex) when (ex is not FuzzFinding)
        {
            throw new FuzzFinding($"publishable-key: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    /// <summary>A request to authenticate (lines <c>h:Name=value</c> are headers, <c>Name=value</c> cookies): a request
    /// state (signed in, signed out or a handshake), never an exception.</summary>
    public static void AuthenticateRequest(byte[] input)
    {
        var request = new ClerkAuthenticationRequest(new Uri("https://app.example.com/dashboard?tab=1"));
        foreach (var line in Text(input).Split('\n'))
        {
            var header = line.StartsWith("h:", StringComparison.Ordinal);
            var pair = header ? line[2..] : line;
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) continue;
            (header ? request.Headers : request.Cookies)[pair[..eq]] = pair[(eq + 1)..];
        }
        Run("authenticate-request", async () =>
        {
            var state = await RequestVerifier.AuthenticateRequestAsync(request).ConfigureAwait(false);
            if (state is null) throw new FuzzFinding("authenticate-request: no state");
        });
    }

    /// <summary>A page of users answered by the Backend API, walked for up to three pages: users, or an exception of the
    /// <see cref="ClerkException"/> family.</summary>
    public static void PagingResponse(byte[] input)
    {
        using var mock = new MockHttpMessageHandler();
        mock.Fallback.Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(input) { Headers = { { "Content-Type", "application/json" } } } });
        using var clerk = Support.ClerkMock.NewClient(mock);
        Expect<ClerkException>("paging-response", async () =>
        {
            var pages = 0;
            await foreach (var page in clerk.Users.ListAsync().AsPages().ConfigureAwait(false))
            {
                _ = page.Items.Count;
                if (++pages == 3) break;
            }
        });
    }

    /// <summary>Input bytes as text (invalid UTF-8 becomes U+FFFD, as a server's decoder would give it).</summary>
    public static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    /// <summary>Runs <paramref name="call"/>; <typeparamref name="TAllowed"/> (the documented failure) is an answer, anything else a finding.</summary>
    private static void Expect<TAllowed>(string target, Func<Task> call)
        where TAllowed : Exception
    {
        try
        {
            Run(target, call);
        }
        catch (TAllowed)
        {
        }
        catch (Exception ex) when (ex is not FuzzFinding)
        {
            throw new FuzzFinding($"{target}: {ex.GetType().Name} (only {typeof(TAllowed).Name} is documented): {ex.Message}", ex);
        }
    }

    /// <summary>Runs <paramref name="call"/> to completion within <see cref="Deadline"/>, or reports a hang.</summary>
    private static void Run(string target, Func<Task> call)
    {
        var task = call();
        try
        {
            if (!task.Wait(Deadline)) throw new FuzzFinding($"{target}: no answer within {Deadline.TotalSeconds:0} s");
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException!).Throw();
        }
    }
}
