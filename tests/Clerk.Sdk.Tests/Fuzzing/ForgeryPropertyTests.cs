using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Clerk.Authentication;
using Clerk.Sdk.Tests.Authentication;
using Clerk.Sdk.Tests.Webhooks;
using Clerk.Webhooks;
using CsCheck;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Fuzzing;

/// <summary>
/// Properties of the trust boundary: a signed session token or webhook with any one character changed is refused, never
/// accepted and never answered with another exception type; whatever body an error response has, the caller gets a
/// <see cref="ClerkApiException"/>.
/// </summary>
public class ForgeryPropertyTests
{
    [Test]
    public void ASessionTokenWithAnyOneCharacterChanged_IsRefused()
    {
        var token = FuzzTargets.ValidSessionToken;
        var verifier = AuthTestKit.PemVerifier();
        Assert.That(verifier.VerifySessionTokenAsync(token).GetAwaiter().GetResult().UserId, Is.EqualTo("user_2xyzUSER"), "the original verifies");
        Property("forged-session-token", FuzzInputs.OneCharacterChange(token), change =>
        {
            var forged = Replace(token, change.Index, change.Replacement);
            try
            {
                _ = verifier.VerifySessionTokenAsync(forged).GetAwaiter().GetResult();
            }
            catch (ClerkTokenException)
            {
                return;
            }
            throw new FuzzFinding($"a session token with character {change.Index} changed to '{change.Replacement}' was accepted");
        });
    }

    [Test]
    public void AWebhookWithAnyOneCharacterChanged_IsRefused()
    {
        var verifier = WebhookFixture.Verifier();
        var timestamp = WebhookFixture.Timestamp.ToString(CultureInfo.InvariantCulture);
        // id, timestamp, signature and body as one text, so one generator reaches each part.
        var parts = new[] { WebhookFixture.MessageId, timestamp, WebhookFixture.Signature, WebhookFixture.Body };
        var joined = string.Join("\n", parts);
        Assert.DoesNotThrow(() => verifier.Verify(WebhookFixture.Body, WebhookFixture.Headers()), "the original verifies");
        Property("forged-webhook", FuzzInputs.OneCharacterChange(joined).Where(c => joined[c.Index] != '\n'), change =>
        {
            var forged = Replace(joined, change.Index, change.Replacement).Split('\n');
            if (forged.Length != 4) return; // the replacement cannot be a newline ('!'..'~')
            var headers = new Dictionary<string, string> { ["svix-id"] = forged[0], ["svix-timestamp"] = forged[1], ["svix-signature"] = forged[2] };
            try
            {
                verifier.Verify(forged[3], headers);
            }
            catch (ClerkWebhookException)
            {
                return;
            }
            throw new FuzzFinding($"a webhook with character {change.Index} changed to '{change.Replacement}' was accepted");
        });
    }

    [Test]
    public void AnyErrorBody_GivesAClerkApiException_WithTheStatus() =>
        Property("error-body-any", Gen.Select(Gen.Int[400, 599], Gen.String[0, 300]), input =>
        {
            var (status, body) = input;
            FuzzTargets.ErrorBody([(byte)(status - 400), .. Encoding.UTF8.GetBytes(body)]);
        });

    private static string Replace(string text, int index, char replacement) =>
        string.Concat(text.AsSpan(0, index), replacement.ToString(), text.AsSpan(index + 1));

    private static void Property<T>(string name, Gen<T> gen, Action<T> check)
    {
        try
        {
            gen.Sample(value =>
            {
                FuzzLedger.Ran(name);
                check(value);
            }, iter: FuzzLedger.Iterations, threads: 1);
        }
        catch
        {
            FuzzLedger.Failed(name);
            throw;
        }
    }
}
