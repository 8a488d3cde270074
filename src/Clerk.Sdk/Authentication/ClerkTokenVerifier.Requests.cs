using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Authentication;

/// <summary>
/// Request authentication as Clerk's <c>authenticateRequest</c> (<c>@clerk/backend</c> 3.25.0) decides it: the token
/// source order, the <c>__client_uat</c> rules, suffixed cookies, page-request handshakes and their return trip, the
/// redirect-loop guard, development instances and satellite domains. <c>tests/Clerk.Sdk.Tests/Authentication/
/// AuthenticateRequestDifferentialTests.cs</c> runs both on the same requests; the deliberate differences are listed there.
/// </summary>
public sealed partial class ClerkTokenVerifier
{
    private static readonly string ApiVersion = ClerkFrontendClient.GeneratedApiVersion;

    /// <summary>
    /// Authenticates a request: a bearer token (session or, where accepted, machine token), else the session cookie with
    /// Clerk's cookie rules. The outcome is signed in, signed out, or for a page request whose cookie cannot be trusted as it
    /// is, a handshake: redirect to <see cref="ClerkRequestState.RedirectLocation"/> with <see cref="ClerkRequestState.Headers"/>.
    /// A handshake needs <see cref="ClerkTokenVerifierOptions.PublishableKey"/> (it names the Frontend API); without it such
    /// a request is signed out.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>The request state.</returns>
    public async Task<ClerkRequestState> AuthenticateRequestAsync(ClerkAuthenticationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new RequestContext(this, request);
        try
        {
            return await AuthenticateAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (ClerkTokenException ex)
        {
            return ClerkRequestState.SignedOut(ex.TokenType, ex.Reason, ex.Message);
        }
    }

    private async Task<ClerkRequestState> AuthenticateAsync(RequestContext context, CancellationToken cancellationToken)
    {
        // Several accepted kinds work as Clerk's acceptsToken array (all four as 'any'); one as its single value.
        var several = System.Numerics.BitOperations.PopCount((uint)_accepted) > 1;
        var header = context.TokenInHeader;
        if (several && (_accepted & TokenClassifier.ToFlag(header is null ? ClerkTokenType.SessionToken : KindOf(header))) == 0)
        {
            return ClerkRequestState.SignedOut(null, ClerkTokenFailureReason.TokenTypeNotAccepted, ClerkAuthReasons.TokenTypeMismatch, "The request's token is of a kind not accepted here.");
        }
        if (header is not null)
        {
            if (header.Length > _maxTokenLength)
            {
                // Deliberate: Clerk decodes a token of any length.
                return ClerkRequestState.SignedOut(null, ClerkTokenFailureReason.TokenTooLarge, "token-invalid", $"The token is over the limit of {_maxTokenLength} characters; it was not decoded.");
            }
            var (kind, machineJwt) = TokenClassifier.Classify(header, _maxTokenLength);
            if (kind != ClerkTokenType.SessionToken)
            {
                if (!several && _accepted == ClerkTokenTypes.SessionToken)
                {
                    // Clerk reads an opaque machine token (ak_, mt_, oat_) as a session token that does not decode.
                    return machineJwt is null
                        ? ClerkRequestState.SignedOut(ClerkTokenType.SessionToken, ClerkTokenFailureReason.TokenTypeNotAccepted, "token-invalid", TokenClassifier.NotAccepted(kind))
                        : ClerkRequestState.SignedOut(ClerkTokenType.SessionToken, ClerkTokenFailureReason.WrongTokenType, ClerkAuthReasons.TokenTypeMismatch, TokenClassifier.NotAccepted(kind));
                }
                if ((_accepted & TokenClassifier.ToFlag(kind)) == 0)
                {
                    // Only with one accepted kind: with several, a kind not among them was refused above.
                    return ClerkRequestState.SignedOut(SingleAccepted(), ClerkTokenFailureReason.TokenTypeNotAccepted, ClerkAuthReasons.TokenTypeMismatch, TokenClassifier.NotAccepted(kind));
                }
                try
                {
                    return ClerkRequestState.SignedIn(await VerifyMachineAsync(kind, machineJwt, header, cancellationToken).ConfigureAwait(false));
                }
                catch (ClerkTokenException ex)
                {
                    return ClerkRequestState.SignedOut(kind, ex.Reason, ClerkAuthReasons.OfMachine(ex.Reason), ex.Message);
                }
            }
            if (!several && _accepted != ClerkTokenTypes.SessionToken)
            {
                return ClerkRequestState.SignedOut(SingleAccepted(), ClerkTokenFailureReason.TokenTypeNotAccepted, ClerkAuthReasons.TokenTypeMismatch, TokenClassifier.NotAccepted(ClerkTokenType.SessionToken));
            }
            return await AuthenticateSessionHeaderAsync(context, header, cancellationToken).ConfigureAwait(false);
        }
        if ((_accepted & ClerkTokenTypes.SessionToken) == 0)
        {
            return ClerkRequestState.SignedOut(SingleAccepted(), ClerkTokenFailureReason.MissingToken, "No token in header", "The request has no Authorization: Bearer token.");
        }
        return await AuthenticateCookieAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one accepted machine kind (the token type Clerk reports for a request with acceptsToken set to it).</summary>
    private ClerkTokenType SingleAccepted() => _accepted switch
    {
        ClerkTokenTypes.ApiKey => ClerkTokenType.ApiKey,
        ClerkTokenTypes.M2MToken => ClerkTokenType.M2MToken,
        ClerkTokenTypes.OAuthToken => ClerkTokenType.OAuthToken,
        _ => ClerkTokenType.SessionToken,
    };

    /// <summary>What Clerk takes a header token for: a machine token by prefix or JWT shape, else a session token.</summary>
    private ClerkTokenType KindOf(string token) => token.Length > _maxTokenLength ? ClerkTokenType.SessionToken : TokenClassifier.Classify(token, _maxTokenLength).Type;

    private async Task<ClerkRequestState> AuthenticateSessionHeaderAsync(RequestContext context, string token, CancellationToken cancellationToken)
    {
        if (IsNotASessionJwt(token))
        {
            return ClerkRequestState.SignedOut(ClerkTokenType.SessionToken, ClerkTokenFailureReason.WrongTokenType, ClerkAuthReasons.TokenTypeMismatch, "The bearer token is a machine token or carries another token category.");
        }
        try
        {
            return ClerkRequestState.SignedIn(await VerifySessionTokenAsync(token, cancellationToken).ConfigureAwait(false));
        }
        catch (ClerkTokenException ex)
        {
            return SessionTokenError(context, ex);
        }
    }

    /// <summary>A JWT Clerk would not take for a session token: an M2M or OAuth JWT, or another <c>cat</c>.</summary>
    private bool IsNotASessionJwt(string token)
    {
        JwtToken jwt;
        try
        {
            jwt = JwtToken.Read(token, _maxTokenLength, ClerkTokenType.SessionToken);
        }
        catch (ClerkTokenException)
        {
            return false;
        }
        return TokenClassifier.KindOf(jwt) != ClerkTokenType.SessionToken ||
               (jwt.HasCategory && jwt.Category is not (TokenClassifier.SessionCategory or TokenClassifier.IgnoreCategory));
    }

    /// <summary>A session token that failed: a handshake for a lifetime failure on a page request (Clerk refreshes it), else signed out.</summary>
    private ClerkRequestState SessionTokenError(RequestContext context, ClerkTokenException error)
    {
        var authReason = error.Reason switch
        {
            ClerkTokenFailureReason.Expired => $"{ClerkAuthReasons.SessionTokenExpired}-refresh-{(context.Method != "GET" ? "non-eligible-non-get" : "non-eligible-no-refresh-cookie")}",
            ClerkTokenFailureReason.NotYetValid => ClerkAuthReasons.SessionTokenNotBefore,
            ClerkTokenFailureReason.IssuedInTheFuture => ClerkAuthReasons.SessionTokenIatInTheFuture,
            _ => null,
        };
        return authReason is null
            ? ClerkRequestState.SignedOut(ClerkTokenType.SessionToken, error.Reason, ClerkAuthReasons.Of(error.Reason), error.Message)
            : MaybeHandshake(context, error.Reason, authReason, error.Message);
    }

    private async Task<ClerkRequestState> AuthenticateCookieAsync(RequestContext context, CancellationToken cancellationToken)
    {
        var hasActiveClient = context.ClientUat != 0;
        var sessionToken = context.SessionTokenInCookie;
        var hasSessionToken = sessionToken is not null;
        if (context.HandshakeToken is not null)
        {
            if (await ResolveHandshakeAsync(context, cancellationToken).ConfigureAwait(false) is { } resolved) return resolved;
        }

        var isDevelopment = _publishableKey?.IsTest == true;
        var isProduction = _publishableKey?.IsLive == true;
        var eligibleForSync = _isSatellite && context.SecFetchDest == "document" && context.Method == "GET";
        var synced = context.Query("__clerk_synced");
        var needsSync = synced == "false";
        var syncCompleted = synced == "true";
        var hasCookies = hasSessionToken || hasActiveClient;
        if (eligibleForSync && !syncCompleted && (isProduction || isDevelopment))
        {
            if (!hasCookies && !needsSync)
            {
                return SignedOutNoToken();
            }
            if (!hasCookies || needsSync)
            {
                if (isProduction) return MaybeHandshake(context, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.SatelliteCookieNeedsSyncing, "");
                var signIn = new UriBuilder(_signInUrl!);
                var location = RequestParsing.AppendQuery(signIn.Uri.ToString(), "__clerk_redirect_url", context.ClerkUrl.ToString());
                return MaybeHandshake(context, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.SatelliteCookieNeedsSyncing, "", location);
            }
        }
        if (isDevelopment && !_isSatellite && context.Query("__clerk_redirect_url") is { } redirectBack && Uri.TryCreate(redirectBack, UriKind.Absolute, out var satellite))
        {
            var back = satellite.ToString();
            if (context.DevBrowserToken is { } devBrowser) back = RequestParsing.AppendQuery(back, "__clerk_db_jwt", devBrowser);
            back = RequestParsing.SetQuery(back, "__clerk_synced", "true");
            return MaybeHandshake(context, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.PrimaryRespondsToSyncing, "", back);
        }
        if (isDevelopment && context.Query("__clerk_db_jwt") is not null)
        {
            return MaybeHandshake(context, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.DevBrowserSync, "");
        }
        if (isDevelopment && context.DevBrowserToken is null)
        {
            return MaybeHandshake(context, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.DevBrowserMissing, "");
        }
        if (!hasActiveClient && !hasSessionToken)
        {
            return SignedOutNoToken();
        }
        if (!hasActiveClient)
        {
            return MaybeHandshake(context, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.SessionTokenWithoutClientUat, "");
        }
        if (!hasSessionToken)
        {
            return MaybeHandshake(context, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.ClientUatWithoutSessionToken, "");
        }
        JwtToken jwt;
        try
        {
            jwt = JwtToken.Read(sessionToken, _maxTokenLength, ClerkTokenType.SessionToken);
        }
        catch (ClerkTokenException ex)
        {
            return SessionTokenError(context, ex);
        }
        if (IsNotASessionJwt(sessionToken!))
        {
            return ClerkRequestState.SignedOut(ClerkTokenType.SessionToken, ClerkTokenFailureReason.WrongTokenType, ClerkAuthReasons.TokenTypeMismatch, "The session cookie holds a machine token or another token category.");
        }
        if (jwt.PeekPayload() is { } peek && JsonClaims.GetNumber(peek, "iat"u8) is { } iat && iat < context.ClientUat)
        {
            return MaybeHandshake(context, ClerkTokenFailureReason.Expired, ClerkAuthReasons.SessionTokenIatBeforeClientUat, "");
        }
        ClerkSessionClaims claims;
        try
        {
            claims = await VerifySessionAsync(jwt, cancellationToken).ConfigureAwait(false);
        }
        catch (ClerkTokenException ex)
        {
            return SessionTokenError(context, ex);
        }
        if (!_isSatellite && context.Method == "GET" && context.SecFetchDest == "document" && context.IsCrossOriginReferrer() && !IsKnownClerkReferrer(context) && context.RedirectCount == 0)
        {
            return MaybeHandshake(context, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.PrimaryDomainCrossOriginSync, "Cross-origin request from satellite domain requires handshake");
        }
        return ClerkRequestState.SignedIn(claims);
    }

    private static ClerkRequestState SignedOutNoToken() =>
        ClerkRequestState.SignedOut(ClerkTokenType.SessionToken, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.SessionTokenAndUatMissing, "The request has no session token and no __client_uat cookie.");

    /// <summary>
    /// A handshake when the request is a page request (a <c>GET</c> whose <c>Sec-Fetch-Dest</c> is <c>document</c> or
    /// <c>iframe</c>, or without that header, whose <c>Accept</c> starts with <c>text/html</c>), the Frontend API is known
    /// and the redirect-loop counter is below 3; else signed out with the same reason.
    /// </summary>
    private ClerkRequestState MaybeHandshake(RequestContext context, ClerkTokenFailureReason reason, string authReason, string message, string? location = null)
    {
        var isPage = context.Method == "GET" &&
                     (context.SecFetchDest is "document" or "iframe" || (context.SecFetchDest is null && context.Accept?.StartsWith("text/html", StringComparison.Ordinal) == true));
        if (!isPage || _publishableKey is null)
        {
            return ClerkRequestState.SignedOut(ClerkTokenType.SessionToken, reason, authReason, message);
        }
        // Clerk stops at exactly 3 (a counter cookie that somehow holds more keeps redirecting); this stops at 3 or more.
        if (context.RedirectCount >= 3)
        {
            return ClerkRequestState.SignedOut(ClerkTokenType.SessionToken, reason, authReason, message);
        }
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Location", location ?? HandshakeUrl(context, authReason)),
            new("Cache-Control", "no-store"),
            new("Set-Cookie", $"__clerk_redirect_count={context.RedirectCount + 1}; SameSite=Lax; HttpOnly; Max-Age=2"),
            new("x-clerk-auth-status", "handshake"),
            new("x-clerk-auth-reason", authReason),
        };
        return ClerkRequestState.Handshake(reason, authReason, message, headers);
    }

    /// <summary>
    /// <c>{Frontend API}/v1/client/handshake?redirect_url=...</c>: the request's URL without dev-browser parameters, the
    /// API version, whether the cookies are suffixed, the reason, the session token Clerk is to refresh and, on a
    /// development instance, the dev-browser token. Unlike Clerk's SDK (<c>format=nonce</c>, whose payload is then read from
    /// the Backend API), the handshake is asked to come back as a signed token (<c>__clerk_handshake</c>), verified with the
    /// instance's key: the pinned Backend API spec has no handshake-payload operation, and a networkless verifier has no
    /// Backend API at all.
    /// </summary>
    private string HandshakeUrl(RequestContext context, string authReason)
    {
        var redirect = RequestParsing.RemoveQuery(context.ClerkUrl.ToString(), "__clerk_db_jwt", "__dev_session");
        var frontendApi = context.FrontendApi;
        var baseUrl = (frontendApi.StartsWith("http", StringComparison.Ordinal) ? frontendApi : "https://" + frontendApi).TrimEnd('/') + "/";
        var query = new List<(string, string)>
        {
            ("redirect_url", redirect),
            ("__clerk_api_version", ApiVersion),
            ("suffixed_cookies", context.UsesSuffixedCookies ? "true" : "false"),
            ("__clerk_hs_reason", authReason),
        };
        if ((context.SessionTokenInCookie ?? context.TokenInHeader) is { } token) query.Add(("__session", token));
        if (_publishableKey?.IsTest == true && context.DevBrowserToken is { } devBrowser) query.Add(("__clerk_db_jwt", devBrowser));
        return baseUrl + "v1/client/handshake?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Item1)}={Uri.EscapeDataString(q.Item2)}"));
    }

    /// <summary>
    /// The return trip of a handshake (<c>__clerk_handshake</c> in the query or a cookie): a JWT signed with the instance's
    /// key whose <c>handshake</c> claim lists the <c>Set-Cookie</c> directives to pass on; the new <c>__session</c> among them
    /// is verified. Null when the handshake cannot be used (then the request is judged on its own cookies, as Clerk does).
    /// </summary>
    private async Task<ClerkRequestState?> ResolveHandshakeAsync(RequestContext context, CancellationToken cancellationToken)
    {
        List<string> directives;
        try
        {
            var jwt = JwtToken.Read(context.HandshakeToken, _maxTokenLength, ClerkTokenType.SessionToken);
            if (jwt.HasType && jwt.Type != "JWT") return null;
            if (jwt.HasCategory && jwt.Category is not (TokenClassifier.SessionCategory or TokenClassifier.IgnoreCategory)) return null;
            CheckHeader(jwt, ClerkTokenType.SessionToken);
            var payload = await VerifySignatureAsync(jwt, ClerkTokenType.SessionToken, cancellationToken).ConfigureAwait(false);
            directives = payload.TryGetProperty("handshake"u8, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
        }
        catch (ClerkTokenException)
        {
            return null;
        }
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Access-Control-Allow-Origin", "null"),
            new("Access-Control-Allow-Credentials", "true"),
        };
        // Clerk reads each directive's name=value with split('='): a session directive without '=' has no value at all
        // (undefined there, null here), which makes the handshake unusable rather than signed out.
        string? sessionToken = "";
        foreach (var directive in directives)
        {
            headers.Add(new("Set-Cookie", directive));
            var pair = directive.Split(';')[0].Split('=');
            if (pair[0].StartsWith("__session", StringComparison.Ordinal)) sessionToken = pair.Length > 1 ? pair[1] : null;
        }
        if (sessionToken is null) return null;
        if (_publishableKey?.IsTest == true)
        {
            headers.Add(new("Location", RequestParsing.RemoveQuery(context.ClerkUrl.ToString(), "__clerk_handshake", "__clerk_help", "__clerk_db_jwt", "__clerk_handshake_nonce")));
            headers.Add(new("Cache-Control", "no-store"));
        }
        if (sessionToken.Length == 0)
        {
            headers.Add(new("x-clerk-auth-status", "signed-out"));
            headers.Add(new("x-clerk-auth-reason", ClerkAuthReasons.SessionTokenMissing));
            return ClerkRequestState.SignedOut(ClerkTokenType.SessionToken, ClerkTokenFailureReason.MissingToken, ClerkAuthReasons.SessionTokenMissing, "The handshake set no session cookie.", headers);
        }
        try
        {
            return ClerkRequestState.SignedIn(await VerifySessionTokenAsync(sessionToken, cancellationToken).ConfigureAwait(false), headers);
        }
        catch (ClerkTokenException ex) when (_publishableKey?.IsTest == true && ex.Reason is ClerkTokenFailureReason.Expired or ClerkTokenFailureReason.NotYetValid or ClerkTokenFailureReason.IssuedInTheFuture)
        {
            // A development instance tolerates a skewed local clock here (Clerk retries with a day of skew).
            try
            {
                return ClerkRequestState.SignedIn(await VerifySessionAsync(JwtToken.Read(sessionToken, _maxTokenLength, ClerkTokenType.SessionToken), cancellationToken, skewMs: 86_400_000).ConfigureAwait(false), headers);
            }
            catch (ClerkTokenException)
            {
                return null;
            }
        }
        catch (ClerkTokenException)
        {
            return null;
        }
    }

    /// <summary>Whether the referrer is the instance's Frontend API, its Account Portal, or (development) a development Account Portal.</summary>
    private bool IsKnownClerkReferrer(RequestContext context)
    {
        if (context.Referrer is null || !Uri.TryCreate(context.Referrer, UriKind.Absolute, out var referrer)) return false;
        var host = referrer.Host;
        var frontendApi = context.FrontendApi;
        var frontendHost = frontendApi.StartsWith("http", StringComparison.Ordinal) && Uri.TryCreate(frontendApi, UriKind.Absolute, out var fapi) ? fapi.Host : frontendApi;
        if (host == frontendHost) return true;
        if (_publishableKey?.IsLive != true &&
            ((host.StartsWith("accounts.", StringComparison.Ordinal) && new[] { ".lcl.dev", ".lclstage.dev", ".lclclerk.com" }.Any(s => host.EndsWith(s, StringComparison.Ordinal))) ||
             new[] { ".accounts.dev", ".accountsstage.dev", ".accounts.lclclerk.com" }.Any(s => host.EndsWith(s, StringComparison.Ordinal) && !host.EndsWith(".clerk" + s, StringComparison.Ordinal))))
        {
            return true;
        }
        if (frontendApi.Length == 0) return false;
        var accounts = "https://" + System.Text.RegularExpressions.Regex.Replace(frontendApi.Replace("clerk.accountsstage.", "accountsstage.", StringComparison.Ordinal), @"clerk\.accounts\.|clerk\.", "accounts.");
        return Uri.TryCreate(accounts, UriKind.Absolute, out var expected) && referrer.GetLeftPart(UriPartial.Authority) == expected.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>What one request offers, read once: its URL as Clerk derives it, the tokens and cookies by Clerk's rules.</summary>
    private sealed class RequestContext
    {
        private readonly IReadOnlyDictionary<string, string> _cookies;
        private readonly string _suffix;

        public RequestContext(ClerkTokenVerifier verifier, ClerkAuthenticationRequest request)
        {
            Method = request.Method;
            _cookies = request.ReadCookies();
            _suffix = verifier._cookieSuffix;
            ClerkUrl = DeriveUrl(request, verifier._trustForwardedHeaders);
            TokenInHeader = RequestParsing.ParseAuthorization(request.Header("Authorization"));
            SecFetchDest = request.Header("Sec-Fetch-Dest");
            Accept = request.Header("Accept");
            Referrer = request.Header("Referer");
            var origin = ClerkUrl.GetLeftPart(UriPartial.Authority);
            var proxy = verifier._proxyUrl;
            if (proxy is not null && proxy.StartsWith('/')) proxy = origin + proxy;
            FrontendApi = proxy ?? verifier._frontendApi ?? "";
            OriginalFrontendApi = verifier._frontendApi ?? "";
            UsesSuffixedCookies = _suffix.Length > 0 && ComputeUsesSuffixedCookies(verifier);
            SessionTokenInCookie = Empty(SuffixedOrNot("__session"));
            var uat = SuffixedOrNot("__client_uat");
            ClientUat = RequestParsing.ParseLeadingInteger(uat);
            DevBrowserToken = Empty(Query("__clerk_db_jwt")) ?? Empty(SuffixedOrNot("__clerk_db_jwt"));
            HandshakeToken = Empty(Query("__clerk_handshake")) ?? Empty(Cookie("__clerk_handshake"));
            RedirectCount = (int)Math.Clamp(RequestParsing.ParseLeadingInteger(Cookie("__clerk_redirect_count")), 0, int.MaxValue);
        }

        public string Method { get; }

        public Uri ClerkUrl { get; }

        public string? TokenInHeader { get; }

        public string? SecFetchDest { get; }

        public string? Accept { get; }

        public string? Referrer { get; }

        /// <summary>The Frontend API handshakes go to: the proxy URL, else the host from the publishable key (a production satellite's <c>clerk.{domain}</c>).</summary>
        public string FrontendApi { get; }

        /// <summary>The Frontend API host of the publishable key (before a proxy): the issuer host of this instance's tokens.</summary>
        public string OriginalFrontendApi { get; }

        public bool UsesSuffixedCookies { get; }

        public string? SessionTokenInCookie { get; }

        public long ClientUat { get; }

        public string? DevBrowserToken { get; }

        public string? HandshakeToken { get; }

        public int RedirectCount { get; }

        public string? Query(string name) => RequestParsing.QueryValue(ClerkUrl, name);

        public bool IsCrossOriginReferrer() =>
            Referrer is not null && Uri.TryCreate(Referrer, UriKind.Absolute, out var referrer) &&
            referrer.GetLeftPart(UriPartial.Authority) != ClerkUrl.GetLeftPart(UriPartial.Authority);

        private string? Cookie(string name) => _cookies.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        private string? SuffixedOrNot(string name) => UsesSuffixedCookies ? Cookie($"{name}_{_suffix}") : Cookie(name);

        private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        /// <summary>Clerk's choice between <c>__session_{suffix}</c> and <c>__session</c>: the cookies of this instance, the newer one, the one not signed out.</summary>
        private bool ComputeUsesSuffixedCookies(ClerkTokenVerifier verifier)
        {
            var suffixedClientUat = Cookie($"__client_uat_{_suffix}");
            var clientUat = Cookie("__client_uat");
            var suffixedSession = Cookie($"__session_{_suffix}") ?? "";
            var session = Cookie("__session") ?? "";
            var sessionPayload = Peek(session);
            if (session.Length > 0 && (sessionPayload is not { } withIssuer || JsonClaims.GetString(withIssuer, "iss"u8) is null)) return false;
            if (session.Length > 0 && !BelongsToInstance(sessionPayload)) return true;
            if (suffixedClientUat is null && suffixedSession.Length == 0) return false;
            var sessionIat = Iat(sessionPayload);
            var suffixedPayload = Peek(suffixedSession);
            var suffixedIat = Iat(suffixedPayload);
            if (suffixedClientUat != "0" && clientUat != "0" && sessionIat > suffixedIat) return false;
            if (suffixedClientUat == "0" && clientUat != "0") return false;
            if (verifier._publishableKey?.IsLive != true)
            {
                var expired = suffixedPayload is { } p && JsonClaims.GetNumber(p, "exp"u8) is { } exp && exp <= verifier._time.GetUtcNow().ToUnixTimeSeconds();
                if (suffixedClientUat != "0" && clientUat == "0" && expired) return false;
            }
            // Clerk: a suffixed session without a suffixed __client_uat (both absent returned above).
            if (suffixedClientUat is null) return false;
            return true;

            bool BelongsToInstance(JsonElement? payload) =>
                payload is { } p && JsonClaims.GetString(p, "iss"u8) is { } iss &&
                System.Text.RegularExpressions.Regex.Replace(iss, "https?://", "", System.Text.RegularExpressions.RegexOptions.IgnoreCase) == OriginalFrontendApi;

            long Iat(JsonElement? payload) => payload is { } p && JsonClaims.GetNumber(p, "iat"u8) is { } iat ? (long)iat : 0;
        }

        /// <summary>A token's payload, unverified; null when it is not a readable JWT (then Clerk's checks treat it as having no claims).</summary>
        private static JsonElement? Peek(string token)
        {
            if (token.Length == 0) return null;
            try
            {
                return JwtToken.Read(token, int.MaxValue, ClerkTokenType.SessionToken).PeekPayload();
            }
            catch (ClerkTokenException)
            {
                return null;
            }
        }

        /// <summary>The URL the client asked for: the request's, or with trusted forwarded headers, their host and protocol (the first of each).</summary>
        private static Uri DeriveUrl(ClerkAuthenticationRequest request, bool trustForwarded)
        {
            var url = request.Url;
            if (!trustForwarded) return url;
            var host = request.Header("X-Forwarded-Host")?.Split(',')[0].Trim() ?? request.Header("Host");
            var proto = request.Header("X-Forwarded-Proto")?.Split(',')[0].Trim() ?? url.Scheme;
            if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(proto)) return url;
            return Uri.TryCreate($"{proto}://{host}{url.PathAndQuery}", UriKind.Absolute, out var derived) ? derived : url;
        }
    }
}
