using System;
using System.Linq;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Clerk.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Clerk.AspNetCore;

/// <summary>
/// Authenticates a request with <see cref="ClerkTokenVerifier.AuthenticateRequestAsync(ClerkAuthenticationRequest, System.Threading.CancellationToken)"/>,
/// Clerk's rules: the <c>Authorization: Bearer</c> token, else the session cookie with <c>__client_uat</c>, suffixed
/// cookies and, for page requests, the handshake. No token: <see cref="AuthenticateResult.NoResult"/> (other schemes may
/// run). A rejected token: <see cref="AuthenticateResult.Fail(string)"/> with the reason, and a 401 challenge with
/// <c>error="invalid_token"</c>. A handshake is performed before the endpoint runs (<see cref="IAuthenticationRequestHandler"/>):
/// the response is a redirect to the Frontend API. Tokens are never logged.
/// </summary>
internal sealed class ClerkAuthenticationHandler : AuthenticationHandler<ClerkAuthenticationOptions>, IAuthenticationRequestHandler
{
    public ClerkAuthenticationHandler(IOptionsMonitor<ClerkAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    /// <summary>
    /// Runs before the endpoint: a handshake redirects (307 to the Frontend API, or after a development handshake to the
    /// URL without its handshake parameters) and ends the request; cookies a completed handshake sets are added to the response.
    /// </summary>
    /// <returns>True when the response is the handshake redirect.</returns>
    public async Task<bool> HandleRequestAsync()
    {
        if (!Options.Handshake) return false;
        await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        if (Context.Features.Get<ClerkRequestState>() is not { } state || state.Headers.Count == 0) return false;
        foreach (var (name, value) in state.Headers)
        {
            if (name.Equals("Location", StringComparison.OrdinalIgnoreCase)) continue;
            Response.Headers.Append(name, value);
        }
        if (state.RedirectLocation is not { } location) return false;
        Logger.LogInformation("Clerk {Status} ({Reason}): redirecting the page request", state.Status, state.AuthReason);
        Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        Response.Headers.Location = location;
        return true;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var verifier = Options.TokenVerifier ?? Context.RequestServices.GetService<ClerkTokenVerifier>();
        var request = Describe();
        if (verifier is null)
        {
            if (!request.Headers.ContainsKey("Authorization") && !request.Cookies.Keys.Any(k => k.StartsWith("__session", StringComparison.Ordinal))) return AuthenticateResult.NoResult();
            throw new InvalidOperationException("The Clerk authentication scheme needs a ClerkTokenVerifier: call services.AddClerk(...) or set ClerkAuthenticationOptions.TokenVerifier.");
        }
        var state = await verifier.AuthenticateRequestAsync(request, Context.RequestAborted).ConfigureAwait(false);
        Context.Features.Set(state);
        if (state.IsSignedIn)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(ClerkClaimsPrincipal.Create(state, Scheme.Name), Scheme.Name));
        }
        if (state.Reason == ClerkTokenFailureReason.MissingToken && state.Status == ClerkAuthStatus.SignedOut)
        {
            return AuthenticateResult.NoResult();
        }
        Logger.LogInformation("Clerk {TokenType} rejected ({Status}): {Reason}", state.TokenType?.ToString() ?? "token", state.Status, state.AuthReason ?? state.Reason?.ToString());
        return AuthenticateResult.Fail($"The Clerk token was rejected: {state.Reason}. {state.Message}");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.StatusCode = 401;
        var state = Context.Features.Get<ClerkRequestState>();
        Response.Headers.Append(HeaderNames.WWWAuthenticate, result.Failure is not null && state?.Reason is { } reason
            ? $"Bearer error=\"invalid_token\", error_description=\"{reason}\""
            : "Bearer");
    }

    /// <summary>The request as the verifier reads it: URL (as ASP.NET Core sees it, forwarded headers middleware included), method, headers, cookies.</summary>
    private ClerkAuthenticationRequest Describe()
    {
        var request = new ClerkAuthenticationRequest(new Uri(Request.GetEncodedUrl()), Request.Method);
        foreach (var name in new[] { "Authorization", "Sec-Fetch-Dest", "Accept", "Referer", "Origin", "Host", "X-Forwarded-Host", "X-Forwarded-Proto" })
        {
            if (Request.Headers.TryGetValue(name, out var values) && values.Count > 0) request.Headers[name] = values.ToString();
        }
        if (!Options.AcceptSessionCookie) return request;
        foreach (var (name, value) in Request.Cookies)
        {
            var clerkName = name == Options.SessionCookieName ? ClerkAuthenticationDefaults.SessionCookieName : name;
            if (!request.Cookies.ContainsKey(clerkName)) request.Cookies[clerkName] = value;
        }
        return request;
    }
}
