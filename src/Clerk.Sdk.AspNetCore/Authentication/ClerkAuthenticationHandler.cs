using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Clerk.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Clerk.AspNetCore;

/// <summary>
/// Authenticates a request with <see cref="ClerkTokenVerifier"/>: the <c>Authorization: Bearer</c> token, else the session
/// cookie. No token: <see cref="AuthenticateResult.NoResult"/> (other schemes may run). A rejected token:
/// <see cref="AuthenticateResult.Fail(string)"/> with the reason, and a 401 challenge with <c>error="invalid_token"</c>.
/// Tokens are never logged.
/// </summary>
internal sealed class ClerkAuthenticationHandler : AuthenticationHandler<ClerkAuthenticationOptions>
{
    public ClerkAuthenticationHandler(IOptionsMonitor<ClerkAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var bearer = BearerToken(Request.Headers.Authorization.ToString());
        var cookie = Options.AcceptSessionCookie && Request.Cookies.TryGetValue(Options.SessionCookieName, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        if (bearer is null && cookie is null)
        {
            return AuthenticateResult.NoResult();
        }
        var verifier = Options.TokenVerifier
            ?? Context.RequestServices.GetService<ClerkTokenVerifier>()
            ?? throw new InvalidOperationException("The Clerk authentication scheme needs a ClerkTokenVerifier: call services.AddClerk(...) or set ClerkAuthenticationOptions.TokenVerifier.");
        var headers = bearer is null ? Array.Empty<KeyValuePair<string, string>>() : [new("Authorization", "Bearer " + bearer)];
        var cookies = cookie is null ? Array.Empty<KeyValuePair<string, string>>() : [new(ClerkAuthenticationDefaults.SessionCookieName, cookie)];
        var state = await verifier.AuthenticateRequestAsync(headers, cookies, Context.RequestAborted).ConfigureAwait(false);
        Context.Features.Set(state);
        if (!state.IsSignedIn)
        {
            Logger.LogInformation("Clerk {TokenType} from the {Source} rejected: {Reason}", state.TokenType?.ToString() ?? "token", bearer is null ? "session cookie" : "Authorization header", state.Reason);
            return AuthenticateResult.Fail($"The Clerk token was rejected: {state.Reason}. {state.Message}");
        }
        var principal = ClerkClaimsPrincipal.Create(state, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
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

    /// <summary>The credentials of <c>Bearer &lt;token&gt;</c> (scheme case-insensitive); null for no header or another scheme.</summary>
    private static string? BearerToken(string authorization)
    {
        var text = authorization.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !text.AsSpan(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = text[(space + 1)..].Trim();
        return token.Length == 0 ? null : token;
    }
}
