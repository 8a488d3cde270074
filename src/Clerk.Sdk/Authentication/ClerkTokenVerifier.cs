using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.IdentityModel.Tokens;

namespace Clerk.Authentication;

/// <summary>
/// Answers "who is calling?" without a network call per request: verifies Clerk session tokens (RS256 JWTs) and
/// machine tokens (API keys, M2M tokens, OAuth access tokens), and authenticates HTTP requests.
/// <para>
/// Keys come from <see cref="ClerkTokenVerifierOptions.JwtKey"/> (PEM; no network at all) or from the instance's JWKS
/// (<c>GET /jwks</c> through <see cref="ClerkClient"/>), cached per instance (API URL + secret key) and shared by every
/// verifier of that instance in the process. Thread-safe; create one and reuse it.
/// </para>
/// </summary>
public sealed partial class ClerkTokenVerifier
{
    private static readonly HashSet<string> AsymmetricAlgorithms = new(StringComparer.Ordinal) { "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512" };

    private readonly ClerkClient? _clerk;
    private readonly VerificationKey? _pemKey;
    private readonly JwksKeyStore? _store;
    private readonly JwksFetchSettings? _fetch;
    private readonly HashSet<string> _allowedAlgorithms;
    private readonly string[] _authorizedParties;
    private readonly string? _issuer;
    private readonly TimeProvider _time;
    private readonly long _skewMs;
    private readonly int _maxTokenLength;
    private readonly bool _acceptPending;
    private readonly ClerkTokenTypes _accepted;
    private readonly PublishableKey? _publishableKey;
    private readonly string? _frontendApi;
    private readonly string _cookieSuffix = "";
    private readonly bool _isSatellite;
    private readonly string? _proxyUrl;
    private readonly string? _signInUrl;
    private readonly bool _trustForwardedHeaders;
    private readonly string[] _audience;
    private readonly string? _machineSecretKey;

    /// <summary>Creates a networkless verifier: session and machine JWTs are checked with <see cref="ClerkTokenVerifierOptions.JwtKey"/>.</summary>
    /// <param name="options">The settings; <see cref="ClerkTokenVerifierOptions.JwtKey"/> is required.</param>
    /// <exception cref="ClerkConfigurationException">A setting is missing or invalid.</exception>
    public ClerkTokenVerifier(ClerkTokenVerifierOptions options)
        : this(null, options)
    {
    }

    /// <summary>
    /// Creates a verifier of the instance of <paramref name="clerk"/>: keys from <see cref="ClerkTokenVerifierOptions.JwtKey"/> when set,
    /// else from the instance's JWKS; opaque machine tokens through the Backend API verify endpoints.
    /// </summary>
    /// <param name="clerk">The client of the instance (its pipeline, secret key and clock are used); null for a networkless verifier.</param>
    /// <param name="options">The settings (defaults when null).</param>
    /// <exception cref="ClerkConfigurationException">A setting is missing or invalid.</exception>
    public ClerkTokenVerifier(ClerkClient? clerk, ClerkTokenVerifierOptions? options = null)
        : this(clerk, options, checkOnly: false)
    {
    }

    private ClerkTokenVerifier(ClerkClient? clerk, ClerkTokenVerifierOptions? options, bool checkOnly)
    {
        options ??= new ClerkTokenVerifierOptions();
        _clerk = clerk;
        _time = options.TimeProvider ?? clerk?.Options.TimeProvider ?? TimeProvider.System;
        _allowedAlgorithms = ValidateAlgorithms(options.AllowedAlgorithms);
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            throw new ClerkConfigurationException("ClerkTokenVerifierOptions.ClockSkew must be between 0 and 10 minutes (default 5 s).");
        }
        if (options.JwksCacheDuration <= TimeSpan.Zero || options.JwksRefetchInterval < TimeSpan.Zero)
        {
            throw new ClerkConfigurationException("ClerkTokenVerifierOptions.JwksCacheDuration must be positive and JwksRefetchInterval not negative.");
        }
        if (options.MaxTokenLength <= 0)
        {
            throw new ClerkConfigurationException("ClerkTokenVerifierOptions.MaxTokenLength must be positive.");
        }
        _skewMs = (long)options.ClockSkew.TotalMilliseconds;
        _maxTokenLength = options.MaxTokenLength;
        _acceptPending = options.AcceptPendingSessions;
        _accepted = options.AcceptedTokenTypes;
        _authorizedParties = (options.AuthorizedParties ?? Array.Empty<string>()).ToArray();
        if (_authorizedParties.Any(string.IsNullOrWhiteSpace))
        {
            throw new ClerkConfigurationException("ClerkTokenVerifierOptions.AuthorizedParties must not contain empty values.");
        }
        _issuer = ExpectedIssuer(options);
        (_publishableKey, _frontendApi, _cookieSuffix) = RequestSettings(options);
        _isSatellite = options.IsSatellite;
        _proxyUrl = string.IsNullOrWhiteSpace(options.ProxyUrl) ? null : options.ProxyUrl.TrimEnd('/');
        _signInUrl = string.IsNullOrWhiteSpace(options.SignInUrl) ? null : options.SignInUrl;
        _trustForwardedHeaders = options.TrustForwardedHeaders;
        _audience = (options.Audience ?? Array.Empty<string>()).Where(a => !string.IsNullOrEmpty(a)).ToArray();
        if (!string.IsNullOrWhiteSpace(options.MachineSecretKey))
        {
            if (!options.MachineSecretKey.StartsWith("ak_", StringComparison.Ordinal))
            {
                throw new ClerkConfigurationException("ClerkTokenVerifierOptions.MachineSecretKey must be a machine secret key (ak_...).");
            }
            _machineSecretKey = options.MachineSecretKey;
        }
        if (!string.IsNullOrWhiteSpace(options.JwtKey))
        {
            _pemKey = SigningKeyLoader.FromPem(options.JwtKey);
        }
        else if (clerk is not null)
        {
            _store = JwksKeyStore.For(clerk.ApiBaseUrl, clerk.Options.SecretKey);
            _fetch = new JwksFetchSettings(clerk.Jwks, _time, options.JwksCacheDuration, options.JwksRefetchInterval);
        }
        else if (!checkOnly)
        {
            throw new ClerkConfigurationException("A token verifier needs ClerkTokenVerifierOptions.JwtKey (PEM public key, networkless) or a ClerkClient to load the instance's JWKS.");
        }
    }

    /// <summary>
    /// Runs every check of the constructor that needs no client (algorithms, clock skew, durations, authorized parties,
    /// issuer or publishable key, the PEM key): used to validate options at start-up.
    /// </summary>
    /// <exception cref="ClerkConfigurationException">A setting is invalid (its message never contains a key).</exception>
    internal static void CheckOptions(ClerkTokenVerifierOptions options) => _ = new ClerkTokenVerifier(null, options, checkOnly: true);

    /// <summary>
    /// Verifies a session token: structure, header (<c>alg</c>, <c>typ</c>, <c>crit</c>, <c>kid</c>), signature, <c>exp</c>/<c>nbf</c>/<c>iat</c>
    /// with the clock skew, <c>sub</c>, <c>azp</c>, <c>iss</c> and the session status.
    /// </summary>
    /// <param name="token">The session token (from the <c>__session</c> cookie or a Bearer header).</param>
    /// <param name="cancellationToken">Cancels waiting for the JWKS.</param>
    /// <returns>The verified claims.</returns>
    /// <exception cref="ClerkTokenException">The token is rejected; <see cref="ClerkTokenException.Reason"/> says why.</exception>
    public Task<ClerkSessionClaims> VerifySessionTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        JwtToken jwt;
        try
        {
            jwt = JwtToken.Read(token, _maxTokenLength, ClerkTokenType.SessionToken);
        }
        catch (ClerkTokenException ex)
        {
            return Task.FromException<ClerkSessionClaims>(ex);
        }
        return VerifySessionAsync(jwt, cancellationToken);
    }

    /// <summary>
    /// Verifies a machine token of one of <paramref name="acceptedTypes"/>: JWT-format M2M and OAuth access tokens locally,
    /// opaque ones (<c>ak_</c>, <c>mt_</c>, <c>oat_</c>) through the Backend API. A token of another kind is rejected without a network call.
    /// </summary>
    /// <param name="token">The token (Bearer credentials).</param>
    /// <param name="acceptedTypes">The machine token kinds accepted.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The verified machine token.</returns>
    /// <exception cref="ClerkTokenException">The token is rejected; <see cref="ClerkTokenException.Reason"/> says why.</exception>
    public async Task<ClerkMachineAuth> VerifyMachineTokenAsync(string token, ClerkTokenTypes acceptedTypes, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.Malformed, "The token is empty.", ClerkTokenType.SessionToken);
        }
        if (token.Length > _maxTokenLength)
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.TokenTooLarge, $"The token is over the limit of {_maxTokenLength} characters; it was not decoded.", ClerkTokenType.SessionToken);
        }
        var (type, jwt) = TokenClassifier.Classify(token, _maxTokenLength);
        if (type == ClerkTokenType.SessionToken)
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.WrongTokenType, "The token is not a machine token (API key, M2M token or OAuth access token).", type);
        }
        if ((acceptedTypes & TokenClassifier.ToFlag(type)) == 0)
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.TokenTypeNotAccepted, TokenClassifier.NotAccepted(type), type);
        }
        return await VerifyMachineAsync(type, jwt, token, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Authenticates a bare token (e.g. from a gRPC header) with <see cref="ClerkTokenVerifierOptions.AcceptedTokenTypes"/>:
    /// never throws for a bad token, returns a signed-out state with the reason instead.
    /// </summary>
    /// <param name="token">The token, or null when the caller sent none.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The request state.</returns>
    public Task<ClerkRequestState> AuthenticateTokenAsync(string? token, CancellationToken cancellationToken = default) =>
        AuthenticateAsync(string.IsNullOrEmpty(token) ? null : token, null, cancellationToken);

    /// <summary>
    /// Authenticates an HTTP request as <see cref="AuthenticateRequestAsync(ClerkAuthenticationRequest, CancellationToken)"/>
    /// does (Clerk's cookie rules and handshakes) when its URI is absolute; otherwise from its token alone: the
    /// <c>Authorization: Bearer</c> token when present (any accepted kind), else the <c>__session</c> cookie. Never throws
    /// for a bad or missing token: the state says why it is signed out.
    /// </summary>
    /// <param name="request">The incoming request.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The request state.</returns>
    public Task<ClerkRequestState> AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true })
        {
            return AuthenticateRequestAsync(ClerkAuthenticationRequest.From(request), cancellationToken);
        }
        var (header, cookie) = RequestTokens.From(request);
        return AuthenticateAsync(header, cookie, cancellationToken);
    }

    /// <summary>
    /// Authenticates a request given as plain headers and cookies, from its token alone: the <c>Authorization: Bearer</c>
    /// token when present, else the <c>__session</c> cookie. Without the request's URL there is no handshake and no
    /// <c>__client_uat</c> rule; use <see cref="AuthenticateRequestAsync(ClerkAuthenticationRequest, CancellationToken)"/> for those.
    /// </summary>
    /// <param name="headers">The request headers (name, value); names are case-insensitive.</param>
    /// <param name="cookies">The request cookies (name, value); when null, the <c>Cookie</c> header is read.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The request state.</returns>
    public Task<ClerkRequestState> AuthenticateRequestAsync(IEnumerable<KeyValuePair<string, string>> headers, IEnumerable<KeyValuePair<string, string>>? cookies = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var (header, cookie) = RequestTokens.From(headers, cookies);
        return AuthenticateAsync(header, cookie, cancellationToken);
    }

    /// <summary>Describes the verifier without keys or secrets.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"ClerkTokenVerifier(keys={(_pemKey is not null ? "JwtKey" : "JWKS")}, issuer={_issuer ?? "any https"}, authorizedParties={_authorizedParties.Length}, accepts={_accepted})";

    private async Task<ClerkRequestState> AuthenticateAsync(string? headerToken, string? cookieToken, CancellationToken cancellationToken)
    {
        ClerkTokenType? type = null;
        try
        {
            if (headerToken is not null)
            {
                if (headerToken.Length > _maxTokenLength)
                {
                    return ClerkRequestState.SignedOut(null, ClerkTokenFailureReason.TokenTooLarge, $"The token is over the limit of {_maxTokenLength} characters; it was not decoded.");
                }
                var (kind, jwt) = TokenClassifier.Classify(headerToken, _maxTokenLength);
                type = kind;
                if ((_accepted & TokenClassifier.ToFlag(kind)) == 0)
                {
                    return ClerkRequestState.SignedOut(kind, ClerkTokenFailureReason.TokenTypeNotAccepted, TokenClassifier.NotAccepted(kind));
                }
                if (kind == ClerkTokenType.SessionToken)
                {
                    return ClerkRequestState.SignedIn(jwt is null
                        ? await VerifySessionTokenAsync(headerToken, cancellationToken).ConfigureAwait(false)
                        : await VerifySessionAsync(jwt, cancellationToken).ConfigureAwait(false));
                }
                return ClerkRequestState.SignedIn(await VerifyMachineAsync(kind, jwt, headerToken, cancellationToken).ConfigureAwait(false));
            }
            if (cookieToken is not null)
            {
                type = ClerkTokenType.SessionToken;
                if ((_accepted & ClerkTokenTypes.SessionToken) == 0)
                {
                    return ClerkRequestState.SignedOut(type, ClerkTokenFailureReason.TokenTypeNotAccepted, "Session tokens (the __session cookie) are not accepted here.");
                }
                return ClerkRequestState.SignedIn(await VerifySessionTokenAsync(cookieToken, cancellationToken).ConfigureAwait(false));
            }
            return ClerkRequestState.SignedOut(null, ClerkTokenFailureReason.MissingToken, "The request has no Authorization: Bearer token and no __session cookie.");
        }
        catch (ClerkTokenException ex)
        {
            return ClerkRequestState.SignedOut(ex.TokenType ?? type, ex.Reason, ex.Message);
        }
    }

    private async Task<ClerkSessionClaims> VerifySessionAsync(JwtToken jwt, CancellationToken cancellationToken, long? skewMs = null)
    {
        const ClerkTokenType type = ClerkTokenType.SessionToken;
        CheckHeader(jwt, type);
        if (jwt.HasType && jwt.Type != "JWT")
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.InvalidType, "A session token's typ header must be absent or 'JWT'.", type);
        }
        if (jwt.HasCategory && jwt.Category is not (TokenClassifier.SessionCategory or TokenClassifier.IgnoreCategory))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.WrongTokenType, "The token's category (cat header) is not that of a session token.", type);
        }
        var payload = await VerifySignatureAsync(jwt, type, cancellationToken).ConfigureAwait(false);
        var subject = ClaimRules.RequireSubject(payload, type);
        if (subject.StartsWith(TokenClassifier.MachineSubjectPrefix, StringComparison.Ordinal))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.WrongTokenType, "The token's subject is a machine (mch_): an M2M token is not a session token.", type);
        }
        CheckAuthorizedParty(payload);
        CheckAudience(payload, type);
        CheckIssuer(payload);
        ClaimRules.CheckLifetime(payload, _time.GetUtcNow().ToUnixTimeMilliseconds(), skewMs ?? _skewMs, type);
        CheckSessionStatus(payload);
        return new ClerkSessionClaims(payload, OrganizationClaimsParser.Parse(payload));
    }

    private async Task<ClerkMachineAuth> VerifyMachineAsync(ClerkTokenType type, JwtToken? jwt, string token, CancellationToken cancellationToken)
    {
        if (jwt is null)
        {
            if (!token.StartsWith(TokenClassifier.ApiKeyPrefix, StringComparison.Ordinal) && !token.StartsWith(TokenClassifier.M2MTokenPrefix, StringComparison.Ordinal) && !token.StartsWith(TokenClassifier.OAuthTokenPrefix, StringComparison.Ordinal))
            {
                throw ClaimRules.Fail(ClerkTokenFailureReason.Malformed, "The token is neither a JWT nor an opaque Clerk machine token.", type);
            }
            if (_clerk is null)
            {
                throw new ClerkConfigurationException($"Verifying an opaque {type} calls the Backend API: create the verifier with a ClerkClient.");
            }
            return await BackendTokenVerification.VerifyAsync(_clerk, type, token, type == ClerkTokenType.M2MToken ? _machineSecretKey : null, cancellationToken).ConfigureAwait(false);
        }
        CheckHeader(jwt, type);
        if (type == ClerkTokenType.OAuthToken)
        {
            if (!TokenClassifier.IsOAuthType(jwt.Type))
            {
                throw ClaimRules.Fail(ClerkTokenFailureReason.InvalidType, "An OAuth access token JWT's typ header must be 'at+jwt' or 'application/at+jwt'.", type);
            }
        }
        else
        {
            if (jwt.HasType && jwt.Type != "JWT")
            {
                throw ClaimRules.Fail(ClerkTokenFailureReason.InvalidType, "An M2M JWT's typ header must be absent or 'JWT'.", type);
            }
            if (jwt.HasCategory && jwt.Category != TokenClassifier.M2MCategory)
            {
                throw ClaimRules.Fail(ClerkTokenFailureReason.WrongTokenType, "The token's category (cat header) is not that of an M2M token.", type);
            }
        }
        var payload = await VerifySignatureAsync(jwt, type, cancellationToken).ConfigureAwait(false);
        var subject = ClaimRules.RequireSubject(payload, type);
        if (type == ClerkTokenType.M2MToken && !subject.StartsWith(TokenClassifier.MachineSubjectPrefix, StringComparison.Ordinal))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.WrongTokenType, "An M2M JWT's subject must be a machine id (mch_).", type);
        }
        ClaimRules.CheckLifetime(payload, _time.GetUtcNow().ToUnixTimeMilliseconds(), _skewMs, type);
        if (type == ClerkTokenType.OAuthToken) CheckAudience(payload, type);
        return type == ClerkTokenType.M2MToken ? MachineTokenResults.FromM2MJwt(payload, subject) : MachineTokenResults.FromOAuthJwt(payload, subject);
    }

    /// <summary>Header rules before any key lookup: only allowed asymmetric algorithms, no <c>crit</c>, a sane <c>kid</c>.</summary>
    private void CheckHeader(JwtToken jwt, ClerkTokenType type)
    {
        if (!_allowedAlgorithms.Contains(jwt.Algorithm))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.UnsupportedAlgorithm, $"The token's alg header is missing or not one of the allowed algorithms ({string.Join(", ", _allowedAlgorithms)}).", type);
        }
        if (jwt.HasCritical)
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.UnsupportedCriticalHeader, "The token's header lists critical extensions (crit); none are supported.", type);
        }
        if (jwt.Header.TryGetProperty("kid"u8, out var kid) && (kid.ValueKind != JsonValueKind.String || kid.GetString()!.Length is 0 or > JwtToken.MaxKidLength))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.Malformed, $"The token's kid header is not a string of 1 to {JwtToken.MaxKidLength} characters.", type);
        }
    }

    /// <summary>Resolves the key and lets Microsoft.IdentityModel's signature provider check the signature with exactly the header's algorithm; then decodes the payload.</summary>
    private async ValueTask<JsonElement> VerifySignatureAsync(JwtToken jwt, ClerkTokenType type, CancellationToken cancellationToken)
    {
        VerificationKey key;
        if (_pemKey is not null)
        {
            key = _pemKey;
        }
        else
        {
            if (jwt.KeyId is null)
            {
                throw ClaimRules.Fail(ClerkTokenFailureReason.UnknownKid, "The token has no kid header; it is needed to pick the instance's JWKS key.", type);
            }
            try
            {
                key = await _store!.GetKeyAsync(jwt.KeyId, _fetch!, cancellationToken).ConfigureAwait(false);
            }
            catch (ClerkTokenException ex) when (ex.TokenType is null)
            {
                throw new ClerkTokenException(ex.Reason, ex.Message, ex.InnerException) { TokenType = type };
            }
        }
        if ((key.JwkAlgorithm is not null && key.JwkAlgorithm != jwt.Algorithm) || !key.Fits(jwt.Algorithm))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.UnsupportedAlgorithm, "The token's alg does not match the key's algorithm or type.", type);
        }
        if (!jwt.HasSignature)
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.InvalidSignature, "The token has an empty signature.", type);
        }
        bool valid;
        try
        {
            valid = key.Verify(jwt.Algorithm, jwt.SigningInput, jwt.SignatureSegment);
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or SecurityTokenException or System.Security.Cryptography.CryptographicException)
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.UnsupportedAlgorithm, "The instance's key cannot verify the token's algorithm.", type);
        }
        if (!valid)
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.InvalidSignature, "The token's signature does not verify with the instance's key.", type);
        }
        return jwt.ReadPayload(type);
    }

    /// <summary>Clerk's audience rule: when both lists are not empty, they must share one value.</summary>
    private void CheckAudience(JsonElement payload, ClerkTokenType type)
    {
        if (_audience.Length == 0 || !payload.TryGetProperty("aud"u8, out var aud)) return;
        var values = aud.ValueKind switch
        {
            JsonValueKind.String => [aud.GetString()!],
            JsonValueKind.Array => aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToArray(),
            _ => Array.Empty<string>(),
        };
        values = values.Where(v => v.Length > 0).ToArray();
        if (values.Length > 0 && !values.Any(v => Array.IndexOf(_audience, v) >= 0))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.InvalidAudience, "The token's aud (audience) names none of ClerkTokenVerifierOptions.Audience.", type);
        }
    }

    private void CheckAuthorizedParty(JsonElement payload)
    {
        if (_authorizedParties.Length == 0)
        {
            return;
        }
        if (payload.TryGetProperty("azp"u8, out var party) && party.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.InvalidClaim, "The token's azp (authorized party) is not a string.", ClerkTokenType.SessionToken);
        }
        var azp = JsonClaims.GetString(payload, "azp"u8);
        if (string.IsNullOrEmpty(azp) || Array.IndexOf(_authorizedParties, azp) < 0)
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.UnauthorizedParty, "The token's azp (authorized party) is absent or not one of ClerkTokenVerifierOptions.AuthorizedParties.", ClerkTokenType.SessionToken);
        }
    }

    private void CheckIssuer(JsonElement payload)
    {
        var iss = JsonClaims.GetString(payload, "iss"u8);
        if (iss is null || !Uri.TryCreate(iss, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.InvalidIssuer, "The token's iss is missing or not an https URL.", ClerkTokenType.SessionToken);
        }
        if (_issuer is not null && !string.Equals(iss, _issuer, StringComparison.Ordinal))
        {
            throw ClaimRules.Fail(ClerkTokenFailureReason.InvalidIssuer, "The token's iss is not this instance's Frontend API URL.", ClerkTokenType.SessionToken);
        }
    }

    private void CheckSessionStatus(JsonElement payload)
    {
        if (!payload.TryGetProperty("sts"u8, out var sts) || sts.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        var status = sts.ValueKind == JsonValueKind.String ? sts.GetString() : null;
        if (status == "active" || (status == "pending" && _acceptPending))
        {
            return;
        }
        throw status == "pending"
            ? ClaimRules.Fail(ClerkTokenFailureReason.SessionPending, "The session is pending (sts: pending); set AcceptPendingSessions to accept it.", ClerkTokenType.SessionToken)
            : ClaimRules.Fail(ClerkTokenFailureReason.SessionNotActive, "The session status (sts) is neither active nor pending.", ClerkTokenType.SessionToken);
    }

    private static HashSet<string> ValidateAlgorithms(IList<string>? algorithms)
    {
        var set = new HashSet<string>(algorithms ?? Array.Empty<string>(), StringComparer.Ordinal);
        if (set.Count == 0)
        {
            throw new ClerkConfigurationException("ClerkTokenVerifierOptions.AllowedAlgorithms must name at least one algorithm (Clerk signs with RS256).");
        }
        foreach (var algorithm in set)
        {
            if (!AsymmetricAlgorithms.Contains(algorithm))
            {
                throw new ClerkConfigurationException($"ClerkTokenVerifierOptions.AllowedAlgorithms: '{algorithm}' is not allowed; only RS256/384/512, PS256/384/512 and ES256/384/512 (never none or HMAC).");
            }
        }
        return set;
    }

    /// <summary>
    /// The settings of request authentication: the publishable key, the Frontend API host (a production satellite's
    /// <c>clerk.{Domain}</c>) and the cookie suffix (the first 8 characters of the URL-safe base64 SHA-1 of the publishable
    /// key, as Clerk derives it). A satellite needs a domain or a proxy URL, and in development an absolute sign-in URL.
    /// </summary>
    private static (PublishableKey? Key, string? FrontendApi, string CookieSuffix) RequestSettings(ClerkTokenVerifierOptions options)
    {
        if (options.IsSatellite)
        {
            if (string.IsNullOrWhiteSpace(options.Domain) && string.IsNullOrWhiteSpace(options.ProxyUrl))
            {
                throw new ClerkConfigurationException("A satellite application (ClerkTokenVerifierOptions.IsSatellite) needs ClerkTokenVerifierOptions.Domain or ProxyUrl.");
            }
            if (options.PublishableKey?.StartsWith(Clerk.PublishableKey.TestPrefix, StringComparison.Ordinal) == true && !Clerk.Http.WebUrl.TryParse(options.SignInUrl, out _))
            {
                throw new ClerkConfigurationException("A development satellite application needs ClerkTokenVerifierOptions.SignInUrl, the absolute URL of the primary domain's sign-in page.");
            }
        }
        if (!string.IsNullOrWhiteSpace(options.ProxyUrl) && !options.ProxyUrl.StartsWith('/') && !Clerk.Http.WebUrl.TryParse(options.ProxyUrl, out _))
        {
            throw new ClerkConfigurationException("ClerkTokenVerifierOptions.ProxyUrl must be an absolute http(s) URL or a path starting with '/'.");
        }
        if (string.IsNullOrWhiteSpace(options.PublishableKey)) return (null, null, "");
        var key = Clerk.PublishableKey.ParseSetting(options.PublishableKey, "ClerkTokenVerifierOptions.PublishableKey");
        var frontendApi = key.IsLive && options.IsSatellite && !string.IsNullOrWhiteSpace(options.Domain) ? "clerk." + options.Domain : key.FrontendApiHost;
        var digest = System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(key.Value));
        var suffix = Convert.ToBase64String(digest).Replace('+', '-').Replace('/', '_')[..8];
        return (key, frontendApi, suffix);
    }

    private static string? ExpectedIssuer(ClerkTokenVerifierOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Issuer))
        {
            if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                throw new ClerkConfigurationException("ClerkTokenVerifierOptions.Issuer must be an absolute https URL (the Frontend API URL, e.g. https://clerk.example.com).");
            }
            return options.Issuer.TrimEnd('/');
        }
        return string.IsNullOrWhiteSpace(options.PublishableKey) ? null : "https://" + PublishableKey.ParseSetting(options.PublishableKey, "ClerkTokenVerifierOptions.PublishableKey").FrontendApiHost;
    }
}
