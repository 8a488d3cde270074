using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// How a token is read before any key is used: its length limit (inclusive), its three segments, their base64url, the
/// header and payload as JSON objects; each refusal with its reason and the message a developer reads in the logs.
/// </summary>
public class TokenReadingTests
{
    private static ClerkTokenException Refused(string token, ClerkTokenVerifier? verifier = null) =>
        Assert.ThrowsAsync<ClerkTokenException>(() => (verifier ?? PemVerifier()).VerifySessionTokenAsync(token))!;

    private static string Valid => Sign(SessionHeader(), SessionClaims());

    [TestCase("a", TestName = "one segment")]
    [TestCase("a.b", TestName = "two segments")]
    [TestCase("a.b.c.d", TestName = "four segments")]
    public void AnythingButThreeSegments_IsMalformed(string token)
    {
        var ex = Refused(token);
        Assert.That((ex.Reason, ex.Message), Is.EqualTo((ClerkTokenFailureReason.Malformed, "A JWT has exactly three dot-separated segments (header.payload.signature).")));
    }

    [TestCase(".e30.c2ln", TestName = "empty header")]
    [TestCase("e30..c2ln", TestName = "empty payload")]
    public void AnEmptyHeaderOrPayload_IsMalformed(string token)
    {
        var ex = Refused(token);
        Assert.That((ex.Reason, ex.Message), Is.EqualTo((ClerkTokenFailureReason.Malformed, "The JWT header or payload segment is empty.")));
    }

    [Test]
    public void ASegmentThatIsNotCanonicalBase64Url_IsMalformed() =>
        Assert.That(Refused("e30=.e30.c2ln").Message, Is.EqualTo("A JWT segment is not canonical base64url (only A-Z a-z 0-9 - _, no padding or whitespace)."));

    [Test]
    public void AHeaderThatIsNotAJsonObject_SaysWhatItIs()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Refused(B64(new byte[] { 0xff, 0xfe }) + ".e30.c2ln").Message, Is.EqualTo("The JWT header is not valid UTF-8."));
            Assert.That(Refused(B64("nope") + ".e30.c2ln").Message, Is.EqualTo("The JWT header is not valid JSON (or nests deeper than 16, or repeats a member name)."));
            Assert.That(Refused(B64("[1]") + ".e30.c2ln").Message, Is.EqualTo("The JWT header is not a JSON object."));
        });
    }

    [Test]
    public void APayloadThatIsNotAJsonObject_IsRefusedAfterTheSignature()
    {
        Assert.That(Refused(SignJson(Json(SessionHeader()), "[1]")).Message, Is.EqualTo("The JWT payload is not a JSON object."));
        Assert.That(Refused(SignJson(Json(SessionHeader()), "{\"a\":1,\"a\":2}")).Message, Is.EqualTo("The JWT payload is not valid JSON (or nests deeper than 64, or repeats a member name)."));
    }

    [Test]
    public async Task TheLengthLimit_IsInclusive()
    {
        var token = Valid;
        Assert.That((await PemVerifier(o => o.MaxTokenLength = token.Length).VerifySessionTokenAsync(token)).UserId, Is.EqualTo("user_2xyzUSER"));

        var ex = Refused(token, PemVerifier(o => o.MaxTokenLength = token.Length - 1));
        Assert.That((ex.Reason, ex.Message), Is.EqualTo((ClerkTokenFailureReason.TokenTooLarge, $"The token is {token.Length} characters long, over the limit of {token.Length - 1}; it was not decoded.")));
    }

    [Test]
    public void ASegmentIsCanonical_ExactlyWhenItsBytesEncodeBackToIt()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        foreach (var prefix in new[] { "", "A", "AB", "ABC", "ABCD" })
        {
            foreach (var last in alphabet)
            {
                var segment = prefix + last;
                var roundTrip = segment.Length % 4 != 1 && RoundTrips(segment);
                Assert.That(Clerk.Authentication.Base64UrlSegment.IsCanonical(segment), Is.EqualTo(roundTrip), segment);
            }
        }
    }

    private static bool RoundTrips(string segment)
    {
        try
        {
            return System.Buffers.Text.Base64Url.EncodeToString(System.Buffers.Text.Base64Url.DecodeFromChars(segment)) == segment;
        }
        catch (System.FormatException)
        {
            return false; // .NET's decoder refuses non-zero unused bits itself
        }
    }

    [Test]
    public void AHeaderWithoutAlg_IsAnUnsupportedAlgorithm()
    {
        var ex = Refused(Sign(SessionHeader().Without("alg"), SessionClaims()));
        Assert.That(ex.Reason, Is.EqualTo(ClerkTokenFailureReason.UnsupportedAlgorithm));
        Assert.That(ex.Message, Is.EqualTo("The token's alg header is missing or not one of the allowed algorithms (RS256)."));
    }

    /// <summary>With a skew of 500 ms at <see cref="Now"/> (x.500 s), <c>now - skew</c> and <c>now + skew</c> fall on whole seconds.</summary>
    private static ClerkTokenVerifier HalfSecondSkew() => PemVerifier(o => o.ClockSkew = System.TimeSpan.FromMilliseconds(500));

    [Test]
    public async Task TheLifetimeBoundaries_AreExact()
    {
        await Assert.MultipleAsync(async () =>
        {
            var expired = Refused(Sign(SessionHeader(), SessionClaims().With("exp", NowSeconds)), HalfSecondSkew());
            Assert.That((expired.Reason, expired.Message), Is.EqualTo((ClerkTokenFailureReason.Expired, $"The token expired at {System.DateTimeOffset.FromUnixTimeSeconds(NowSeconds):O} (clock skew 500 ms).")));
            Assert.That((await HalfSecondSkew().VerifySessionTokenAsync(Sign(SessionHeader(), SessionClaims().With("exp", NowSeconds + 1)))).UserId, Is.Not.Null);

            Assert.That((await HalfSecondSkew().VerifySessionTokenAsync(Sign(SessionHeader(), SessionClaims().With("nbf", NowSeconds + 1)))).UserId, Is.Not.Null, "nbf exactly now + skew");
            var early = Refused(Sign(SessionHeader(), SessionClaims().With("nbf", NowSeconds + 2)), HalfSecondSkew());
            Assert.That((early.Reason, early.Message), Is.EqualTo((ClerkTokenFailureReason.NotYetValid, $"The token is not valid before {System.DateTimeOffset.FromUnixTimeSeconds(NowSeconds + 2):O} (clock skew 500 ms).")));

            Assert.That((await HalfSecondSkew().VerifySessionTokenAsync(Sign(SessionHeader(), SessionClaims().With("iat", NowSeconds + 1)))).UserId, Is.Not.Null, "iat exactly now + skew");
            var future = Refused(Sign(SessionHeader(), SessionClaims().With("iat", NowSeconds + 2)), HalfSecondSkew());
            Assert.That((future.Reason, future.Message), Is.EqualTo((ClerkTokenFailureReason.IssuedInTheFuture, $"The token claims to be issued at {System.DateTimeOffset.FromUnixTimeSeconds(NowSeconds + 2):O}, in the future (clock skew 500 ms).")));
        });
    }

    [Test]
    public void ClaimsThatAreNotNumericDates_SayWhich()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Refused(Sign(SessionHeader(), SessionClaims().Without("exp"))).Message, Is.EqualTo("The token has no numeric 'exp' claim."));
            Assert.That(Refused(Sign(SessionHeader(), SessionClaims().With("nbf", "soon"))).Message, Is.EqualTo("The token's 'nbf' claim is not a NumericDate."));
            Assert.That(Refused(Sign(SessionHeader(), SessionClaims().With("iat", "then"))).Message, Is.EqualTo("The token's 'iat' claim is not a NumericDate."));
            Assert.That(Refused(Sign(SessionHeader(), SessionClaims().With("sub", ""))).Message, Is.EqualTo("The token has no 'sub' (subject) string."));
        });
    }
}
