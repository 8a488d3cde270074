using System;
using System.Text.Json;

namespace Clerk.Authentication;

/// <summary>Tells a token's kind from its shape, as Clerk's SDK does, before anything is verified.</summary>
internal static class TokenClassifier
{
    public const string ApiKeyPrefix = "ak_";
    public const string M2MTokenPrefix = "mt_";
    public const string OAuthTokenPrefix = "oat_";
    public const string MachineSubjectPrefix = "mch_";

    /// <summary>The <c>cat</c> header of session tokens.</summary>
    public const string SessionCategory = "cl_B7d4PD111AAA";

    /// <summary>The <c>cat</c> header of M2M JWTs.</summary>
    public const string M2MCategory = "cl_B7d4PD333AAA";

    /// <summary>A <c>cat</c> header that Clerk's SDK treats as neutral.</summary>
    public const string IgnoreCategory = "cl_I7d4PD111III";

    public static readonly string[] OAuthJwtTypes = ["at+jwt", "application/at+jwt"];

    /// <summary>The kind, and the token read as a JWT when it is one (null for opaque or unreadable tokens).</summary>
    public static (ClerkTokenType Type, JwtToken? Jwt) Classify(string token, int maxLength)
    {
        if (token.StartsWith(M2MTokenPrefix, StringComparison.Ordinal))
        {
            return (ClerkTokenType.M2MToken, null);
        }
        if (token.StartsWith(OAuthTokenPrefix, StringComparison.Ordinal))
        {
            return (ClerkTokenType.OAuthToken, null);
        }
        if (token.StartsWith(ApiKeyPrefix, StringComparison.Ordinal))
        {
            return (ClerkTokenType.ApiKey, null);
        }
        JwtToken jwt;
        try
        {
            jwt = JwtToken.Read(token, maxLength, ClerkTokenType.SessionToken);
        }
        catch (ClerkTokenException)
        {
            return (ClerkTokenType.SessionToken, null);
        }
        return (KindOf(jwt), jwt);
    }

    /// <summary>An M2M JWT has a <c>sub</c> starting with <c>mch_</c>; an OAuth JWT has <c>typ</c> <c>at+jwt</c>; anything else is a session token.</summary>
    public static ClerkTokenType KindOf(JwtToken jwt)
    {
        if (jwt.PeekPayload() is { } payload && JsonClaims.GetString(payload, "sub"u8) is { } sub && sub.StartsWith(MachineSubjectPrefix, StringComparison.Ordinal))
        {
            return ClerkTokenType.M2MToken;
        }
        return IsOAuthType(jwt.Type) ? ClerkTokenType.OAuthToken : ClerkTokenType.SessionToken;
    }

    public static bool IsOAuthType(string? typ) => typ is not null && Array.IndexOf(OAuthJwtTypes, typ) >= 0;

    /// <summary>The refusal of a kind that is not among the accepted ones, naming it as a developer says it.</summary>
    public static string NotAccepted(ClerkTokenType type) => type switch
    {
        ClerkTokenType.SessionToken => "A session token is not accepted here.",
        ClerkTokenType.ApiKey => "An API key is not accepted here.",
        ClerkTokenType.M2MToken => "An M2M token is not accepted here.",
        _ => "An OAuth access token is not accepted here.",
    };

    public static ClerkTokenTypes ToFlag(ClerkTokenType type) => type switch
    {
        ClerkTokenType.SessionToken => ClerkTokenTypes.SessionToken,
        ClerkTokenType.ApiKey => ClerkTokenTypes.ApiKey,
        ClerkTokenType.M2MToken => ClerkTokenTypes.M2MToken,
        _ => ClerkTokenTypes.OAuthToken,
    };
}
