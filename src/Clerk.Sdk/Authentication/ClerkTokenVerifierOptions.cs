using System;
using System.Collections.Generic;

namespace Clerk.Authentication;

/// <summary>Settings for <see cref="ClerkTokenVerifier"/>. All have safe defaults; set <see cref="AuthorizedParties"/> in production.</summary>
public sealed class ClerkTokenVerifierOptions
{
    /// <summary>The default <see cref="ClockSkew"/> (5 s, as Clerk's own SDKs).</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(5);

    /// <summary>The default <see cref="JwksCacheDuration"/> (1 hour).</summary>
    public static readonly TimeSpan DefaultJwksCacheDuration = TimeSpan.FromHours(1);

    /// <summary>The default <see cref="JwksRefetchInterval"/> (30 s).</summary>
    public static readonly TimeSpan DefaultJwksRefetchInterval = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="MaxTokenLength"/> (64 KiB; a session token is usually under 4 KiB).</summary>
    public const int DefaultMaxTokenLength = 64 * 1024;

    /// <summary>
    /// The instance's JWT public key in PEM (<c>-----BEGIN PUBLIC KEY-----</c>, Dashboard → API keys → JWT public key, or
    /// <c>CLERK_JWT_KEY</c>). When set, session and machine JWTs are verified without any network call and the JWKS is never fetched.
    /// </summary>
    public string? JwtKey { get; set; }

    /// <summary>
    /// The instance's publishable key (<c>pk_test_...</c> / <c>pk_live_...</c>). It names the Frontend API, whose URL is then the
    /// only accepted <c>iss</c> of session tokens (unless <see cref="Issuer"/> is set).
    /// </summary>
    public string? PublishableKey { get; set; }

    /// <summary>The exact expected <c>iss</c> of session tokens (the Frontend API URL, e.g. <c>https://clerk.example.com</c>); overrides <see cref="PublishableKey"/>.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The origins allowed to have requested the session token (its <c>azp</c> claim), e.g. <c>https://example.com</c>.
    /// When not empty, a token whose <c>azp</c> is absent or not listed is rejected with <see cref="ClerkTokenFailureReason.UnauthorizedParty"/>.
    /// </summary>
    public IList<string> AuthorizedParties { get; set; } = new List<string>();

    /// <summary>The tolerance applied to <c>exp</c>, <c>nbf</c> and <c>iat</c> (default 5 s).</summary>
    public TimeSpan ClockSkew { get; set; } = DefaultClockSkew;

    /// <summary>How long a fetched JWKS is used before it is fetched again (default 1 hour).</summary>
    public TimeSpan JwksCacheDuration { get; set; } = DefaultJwksCacheDuration;

    /// <summary>
    /// The shortest time between two JWKS fetches caused by a token with an unknown <c>kid</c> (default 30 s): a flood of
    /// tokens with made-up <c>kid</c>s costs at most one request per interval per instance.
    /// </summary>
    public TimeSpan JwksRefetchInterval { get; set; } = DefaultJwksRefetchInterval;

    /// <summary>The JWS algorithms accepted (default only <c>RS256</c>, what Clerk signs with). Only RS*, PS* and ES* are allowed here; never <c>none</c> or HMAC.</summary>
    public IList<string> AllowedAlgorithms { get; set; } = new List<string> { "RS256" };

    /// <summary>Accept pending sessions (<c>sts: pending</c>) as signed in; by default they are rejected with <see cref="ClerkTokenFailureReason.SessionPending"/>.</summary>
    public bool AcceptPendingSessions { get; set; }

    /// <summary>The token kinds <see cref="ClerkTokenVerifier.AuthenticateRequestAsync(System.Net.Http.HttpRequestMessage, System.Threading.CancellationToken)"/> and <see cref="ClerkTokenVerifier.AuthenticateTokenAsync"/> accept (default session tokens only).</summary>
    public ClerkTokenTypes AcceptedTokenTypes { get; set; } = ClerkTokenTypes.SessionToken;

    /// <summary>The longest token (in characters) that is decoded at all (default <see cref="DefaultMaxTokenLength"/>).</summary>
    public int MaxTokenLength { get; set; } = DefaultMaxTokenLength;

    /// <summary>
    /// Accepted audiences (<c>aud</c>) of session tokens and OAuth access token JWTs, as Clerk's <c>audience</c> option: when
    /// both this list and the token's <c>aud</c> are not empty, one of the token's audiences must be listed
    /// (<see cref="ClerkTokenFailureReason.InvalidAudience"/>). A token without <c>aud</c> passes, as in Clerk's SDKs.
    /// </summary>
    public IList<string> Audience { get; set; } = new List<string>();

    /// <summary>
    /// A machine secret key (<c>ak_...</c>) to verify opaque M2M tokens (<c>mt_...</c>) with at the Backend API, as Clerk's
    /// <c>machineSecretKey</c>; by default they are verified with the client's secret key.
    /// </summary>
    public string? MachineSecretKey { get; set; }

    /// <summary>
    /// The satellite application's domain (<c>satellite.example.com</c>) when <see cref="IsSatellite"/>: a production
    /// satellite's Frontend API is then <c>clerk.{Domain}</c>. As Clerk's SDKs name it.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>This application is a satellite of another Clerk domain: page requests without cookies sync with the primary domain first.</summary>
    public bool IsSatellite { get; set; }

    /// <summary>
    /// The URL of a proxy in front of the Frontend API (<c>https://app.example.com/__clerk</c>, or relative <c>/__clerk</c>,
    /// resolved against the request): handshakes go there instead of the Frontend API host.
    /// </summary>
    public string? ProxyUrl { get; set; }

    /// <summary>The sign-in page (absolute URL on the primary domain); required for a development satellite, which syncs through it.</summary>
    public string? SignInUrl { get; set; }

    /// <summary>
    /// Build the URL a handshake returns to from <c>X-Forwarded-Host</c>/<c>X-Forwarded-Proto</c> (as Clerk's SDKs always do).
    /// Off by default: behind a proxy, use ASP.NET Core's forwarded headers middleware with its known proxies, or turn this
    /// on only when every request comes through a proxy that sets these headers.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>The clock; default the <see cref="ClerkClientOptionsBase.TimeProvider"/> of the client, else <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Returns the settings without the JWT key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"ClerkTokenVerifierOptions(JwtKey={(string.IsNullOrEmpty(JwtKey) ? "<none>" : "<set>")}, Issuer={Issuer ?? "<from publishable key>"}, AuthorizedParties={AuthorizedParties.Count}, ClockSkew={ClockSkew}, AcceptedTokenTypes={AcceptedTokenTypes})";
}
