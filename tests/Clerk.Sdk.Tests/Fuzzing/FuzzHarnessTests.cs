using System;
using System.Globalization;
using System.Text;
using Clerk.Sdk.Tests.Authentication;
using Clerk.Sdk.Tests.Webhooks;
using CsCheck;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Fuzzing;

/// <summary>
/// Each <see cref="FuzzTargets"/> target run over <see cref="FuzzLedger.Iterations"/> generated inputs: random bytes and
/// valid inputs with a few bytes changed (<see cref="FuzzInputs"/>). A failing input is shrunk by CsCheck and reported
/// with its seed, so the run repeats.
/// </summary>
public class FuzzHarnessTests
{
    private static readonly string Timestamp = WebhookFixture.Timestamp.ToString(CultureInfo.InvariantCulture);

    [Test]
    public void SessionTokens() => Fuzz("session-token", FuzzTargets.SessionToken, FuzzInputs.Around(
        FuzzTargets.ValidSessionToken,
        AuthTestKit.Sign(AuthTestKit.SessionHeader(), AuthTestKit.SessionClaims().With("o", new { id = "org_1", rol = "admin", per = "read,manage", fpm = "3" })),
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyXzEifQ."));

    [Test]
    public void JwksDocuments() => Fuzz("jwks", FuzzTargets.Jwks, FuzzInputs.Around(
        AuthTestKit.JwksJson((AuthTestKit.KidA, AuthTestKit.KeyA)),
        AuthTestKit.JwksJson((AuthTestKit.KidB, AuthTestKit.KeyB), (AuthTestKit.KidA, AuthTestKit.KeyA)),
        """{"keys":[{"kid":"ins_2aAAAAAAAAAAAAAAAAAAAAAAAAA","kty":"EC","crv":"P-256","x":"AA","y":"AA"}]}"""), iterations: Math.Max(1, FuzzLedger.Iterations / 4));

    [Test]
    public void WebhookHeadersAndBodies() => Fuzz("webhook-headers", FuzzTargets.WebhookHeaders, FuzzInputs.Around(
        $"{WebhookFixture.MessageId}\n{Timestamp}\n{WebhookFixture.Signature}\n{WebhookFixture.Body}",
        $"{WebhookFixture.MessageId}\n{Timestamp}\nv1a,abc v1,AAAA {WebhookFixture.Signature}\n{WebhookFixture.Body}"));

    [Test]
    public void WebhookEvents() => Fuzz("webhook-event", FuzzTargets.WebhookEvent, FuzzInputs.Around(
        """{"type":"user.created","object":"event","timestamp":1654012591835,"data":{"id":"user_1","object":"user","email_addresses":[],"created_at":1654012591514}}""",
        """{"type":"organizationMembership.created","object":"event","data":{"id":"orgmem_1","role":"org:admin","organization":{"id":"org_1"}}}""",
        """{"type":"something.new","object":"event","data":{"x":[1,2,{"y":null}]}}"""));

    [Test]
    public void ErrorBodies() => Fuzz("error-body", FuzzTargets.ErrorBody, FuzzInputs.Around(
        "\u0000" + """{"errors":[{"message":"not found","long_message":"User not found","code":"resource_not_found","meta":{"param_name":"user_id"}}],"clerk_trace_id":"abc"}""",
        "\u001d" + """{"errors":[{"message":"too many","code":"rate_limit_exceeded"}]}""",
        "\u0064<html><body>Bad gateway</body></html>"), iterations: Math.Max(1, FuzzLedger.Iterations / 2));

    [Test]
    public void RetryAfterValues() => Fuzz("retry-after", FuzzTargets.RetryAfter, FuzzInputs.Around("120", "0", "Wed, 21 Oct 2015 07:28:00 GMT", "-5", "1.5"));

    [Test]
    public void PublishableKeys() => Fuzz("publishable-key", FuzzTargets.PublishableKey, FuzzInputs.Around(
        FuzzTargets.PublishableKeyOfIssuer,
        "pk_live_" + Convert.ToBase64String(Encoding.ASCII.GetBytes("clerk.example.com$")),
        "pk_test_Y2xlcmsuZXhhbXBsZS5jb20k"));

    [Test]
    public void RequestsToAuthenticate() => Fuzz("authenticate-request", FuzzTargets.AuthenticateRequest, FuzzInputs.Around(
        $"__session={FuzzTargets.ValidSessionToken}\n__client_uat={AuthTestKit.NowSeconds - 5}\nh:Sec-Fetch-Dest=document\nh:Accept=text/html",
        $"h:Authorization=Bearer {FuzzTargets.ValidSessionToken}\nh:Origin=https://app.example.com",
        $"h:Cookie=__session={FuzzTargets.ValidSessionToken}; __client_uat=1; __clerk_redirect_count=2\nh:Referer=https://other.example.org/x",
        "__clerk_handshake=e30\n__client_uat=0\nh:Sec-Fetch-Dest=document"), iterations: Math.Max(1, FuzzLedger.Iterations / 2));

    [Test]
    public void PagesOfUsers() => Fuzz("paging-response", FuzzTargets.PagingResponse, FuzzInputs.Around(
        """[{"id":"user_1","object":"user","email_addresses":[],"phone_numbers":[],"web3_wallets":[],"external_accounts":[],"created_at":1,"updated_at":1}]""",
        "[]",
        """{"data":[],"total_count":3}"""), iterations: Math.Max(1, FuzzLedger.Iterations / 2));

    /// <summary>Runs <paramref name="target"/> over <paramref name="inputs"/>, counting each input in the ledger.</summary>
    internal static void Fuzz(string name, Action<byte[]> target, Gen<byte[]> inputs, long iterations = 0, bool counted = true)
    {
        try
        {
            inputs.Sample(input =>
            {
                if (counted) FuzzLedger.Ran(name);
                target(input);
            }, iter: iterations > 0 ? iterations : FuzzLedger.Iterations, threads: 1, print: input => Convert.ToBase64String(input));
        }
        catch
        {
            if (counted) FuzzLedger.Failed(name);
            throw;
        }
    }

    [Test]
    public void TheHarness_ReportsAnInputThatBreaksTheContract_ShrunkWithItsSeed()
    {
        // A parser with a planted bug: a NullReferenceException on any input holding the byte '}' after a '{'.
        static void Planted(byte[] input)
        {
            var open = Array.IndexOf(input, (byte)'{');
            if (open >= 0 && Array.IndexOf(input, (byte)'}', open) > open) throw new FuzzFinding("planted", new NullReferenceException());
        }

        var failure = Assert.Catch(() => Fuzz("planted", Planted, FuzzInputs.Around("{\"a\": 1}", "[]"), iterations: 500, counted: false));
        Assert.That(failure!.ToString(), Does.Contain("planted").And.Contain("seed"));
    }
}
