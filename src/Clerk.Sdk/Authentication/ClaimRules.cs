using System;
using System.Text.Json;

namespace Clerk.Authentication;

/// <summary>The registered-claim checks shared by session and machine JWTs (after the signature verified).</summary>
internal static class ClaimRules
{
    /// <summary><c>exp</c> required; <c>nbf</c>, <c>iat</c> optional; all NumericDates compared in milliseconds with the skew, as Clerk's SDK does.</summary>
    public static void CheckLifetime(JsonElement payload, long nowMs, long skewMs, ClerkTokenType tokenType)
    {
        if (!payload.TryGetProperty("exp"u8, out var exp) || !JsonClaims.TryGetUnixSeconds(exp, out var expSeconds))
        {
            throw Fail(ClerkTokenFailureReason.InvalidClaim, "The token has no numeric 'exp' claim.", tokenType);
        }
        if (expSeconds * 1000 <= nowMs - skewMs)
        {
            throw Fail(ClerkTokenFailureReason.Expired, $"The token expired at {DateTimeOffset.FromUnixTimeSeconds(expSeconds):O} (clock skew {skewMs} ms).", tokenType);
        }
        if (payload.TryGetProperty("nbf"u8, out var nbf))
        {
            if (!JsonClaims.TryGetUnixSeconds(nbf, out var nbfSeconds))
            {
                throw Fail(ClerkTokenFailureReason.InvalidClaim, "The token's 'nbf' claim is not a NumericDate.", tokenType);
            }
            if (nbfSeconds * 1000 > nowMs + skewMs)
            {
                throw Fail(ClerkTokenFailureReason.NotYetValid, $"The token is not valid before {DateTimeOffset.FromUnixTimeSeconds(nbfSeconds):O} (clock skew {skewMs} ms).", tokenType);
            }
        }
        if (payload.TryGetProperty("iat"u8, out var iat))
        {
            if (!JsonClaims.TryGetUnixSeconds(iat, out var iatSeconds))
            {
                throw Fail(ClerkTokenFailureReason.InvalidClaim, "The token's 'iat' claim is not a NumericDate.", tokenType);
            }
            if (iatSeconds * 1000 > nowMs + skewMs)
            {
                throw Fail(ClerkTokenFailureReason.IssuedInTheFuture, $"The token claims to be issued at {DateTimeOffset.FromUnixTimeSeconds(iatSeconds):O}, in the future (clock skew {skewMs} ms).", tokenType);
            }
        }
    }

    public static string RequireSubject(JsonElement payload, ClerkTokenType tokenType)
    {
        var sub = JsonClaims.GetString(payload, "sub"u8);
        return string.IsNullOrEmpty(sub) ? throw Fail(ClerkTokenFailureReason.InvalidClaim, "The token has no 'sub' (subject) string.", tokenType) : sub;
    }

    public static ClerkTokenException Fail(ClerkTokenFailureReason reason, string message, ClerkTokenType tokenType) => new(reason, message) { TokenType = tokenType };
}
