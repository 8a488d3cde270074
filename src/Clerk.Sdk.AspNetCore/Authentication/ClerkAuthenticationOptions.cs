using Clerk.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Clerk.AspNetCore;

/// <summary>
/// Settings of the Clerk authentication scheme (<c>AddAuthentication().AddClerk(options => ...)</c>). What tokens are
/// accepted and how they are checked (<see cref="ClerkTokenVerifierOptions.JwtKey"/>, <see cref="ClerkTokenVerifierOptions.AuthorizedParties"/>,
/// <see cref="ClerkTokenVerifierOptions.AcceptedTokenTypes"/>, ...) is the <see cref="ClerkTokenVerifier"/>'s business: by default
/// the one <c>services.AddClerk(...)</c> registers, configured from the same <c>Clerk</c> section.
/// </summary>
public sealed class ClerkAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>
    /// The verifier of this scheme; when null (the default), the <see cref="ClerkTokenVerifier"/> registered by
    /// <c>services.AddClerk(...)</c>. Set one to give a scheme its own rules, e.g. a networkless
    /// <c>new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = pem, AuthorizedParties = { origin } })</c> in an app
    /// that has no secret key.
    /// </summary>
    public ClerkTokenVerifier? TokenVerifier { get; set; }

    /// <summary>Also read the session token from the session cookie when there is no <c>Authorization: Bearer</c> header (default true).</summary>
    public bool AcceptSessionCookie { get; set; } = true;

    /// <summary>The session cookie's name (default <see cref="ClerkAuthenticationDefaults.SessionCookieName"/>).</summary>
    public string SessionCookieName { get; set; } = ClerkAuthenticationDefaults.SessionCookieName;

    /// <summary>
    /// Perform Clerk's handshake (default true): a page request (<c>GET</c>, <c>Sec-Fetch-Dest: document</c>) whose session
    /// cookie cannot be trusted as it is (expired after an idle tab, older than the browser's last sign-in or sign-out,
    /// missing while the browser is signed in) is redirected to the Frontend API, which sends the browser back with fresh
    /// cookies; the handshake's return trip sets them (<c>Set-Cookie</c>) and the request is signed in. Needs the
    /// verifier's <see cref="ClerkTokenVerifierOptions.PublishableKey"/>. API requests are never redirected: they get 401.
    /// </summary>
    public bool Handshake { get; set; } = true;
}
