namespace Clerk.Authentication;

/// <summary>Clerk's reason codes (<c>@clerk/backend</c>'s <c>AuthErrorReason</c> and <c>TokenVerificationErrorReason</c>).</summary>
internal static class ClerkAuthReasons
{
    public const string ClientUatWithoutSessionToken = "client-uat-but-no-session-token";
    public const string DevBrowserMissing = "dev-browser-missing";
    public const string DevBrowserSync = "dev-browser-sync";
    public const string PrimaryRespondsToSyncing = "primary-responds-to-syncing";
    public const string PrimaryDomainCrossOriginSync = "primary-domain-cross-origin-sync";
    public const string SatelliteCookieNeedsSyncing = "satellite-needs-syncing";
    public const string SessionTokenAndUatMissing = "session-token-and-uat-missing";
    public const string SessionTokenMissing = "session-token-missing";
    public const string SessionTokenExpired = "session-token-expired";
    public const string SessionTokenIatBeforeClientUat = "session-token-iat-before-client-uat";
    public const string SessionTokenNotBefore = "session-token-nbf";
    public const string SessionTokenIatInTheFuture = "session-token-iat-in-the-future";
    public const string SessionTokenWithoutClientUat = "session-token-but-no-client-uat";
    public const string TokenTypeMismatch = "token-type-mismatch";
    public const string UnexpectedError = "unexpected-error";

    /// <summary>Clerk's machine token error code for one of ours: a wrong kind or category is <c>token-invalid</c>, any other failure <c>token-verification-failed</c>.</summary>
    public static string OfMachine(ClerkTokenFailureReason reason) => reason switch
    {
        ClerkTokenFailureReason.WrongTokenType or ClerkTokenFailureReason.InvalidType or ClerkTokenFailureReason.Malformed => "token-invalid",
        ClerkTokenFailureReason.InvalidSecretKey => "secret-key-invalid",
        _ => "token-verification-failed",
    };

    /// <summary>Clerk's token verification reason for one of ours.</summary>
    public static string Of(ClerkTokenFailureReason reason) => reason switch
    {
        ClerkTokenFailureReason.Expired => "token-expired",
        ClerkTokenFailureReason.NotYetValid => "token-not-active-yet",
        ClerkTokenFailureReason.IssuedInTheFuture => "token-iat-in-the-future",
        ClerkTokenFailureReason.InvalidSignature => "token-invalid-signature",
        ClerkTokenFailureReason.UnsupportedAlgorithm => "token-invalid-algorithm",
        ClerkTokenFailureReason.UnauthorizedParty => "token-invalid-authorized-parties",
        ClerkTokenFailureReason.InvalidIssuer => "token-invalid-issuer",
        ClerkTokenFailureReason.UnknownKid => "jwk-kid-mismatch",
        ClerkTokenFailureReason.KeysUnavailable => "jwk-remote-failed-to-load",
        ClerkTokenFailureReason.InvalidSecretKey => "secret-key-invalid",
        ClerkTokenFailureReason.WrongTokenType or ClerkTokenFailureReason.TokenTypeNotAccepted => TokenTypeMismatch,
        ClerkTokenFailureReason.MissingToken => SessionTokenAndUatMissing,
        ClerkTokenFailureReason.SessionPending => "session-pending",
        ClerkTokenFailureReason.InvalidAudience => "token-verification-failed",
        _ => "token-invalid",
    };
}
