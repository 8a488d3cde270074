namespace Clerk.Authentication;

/// <summary>The outcome of authenticating a request, as Clerk's SDKs name it (<c>signed-in</c>, <c>signed-out</c>, <c>handshake</c>).</summary>
public enum ClerkAuthStatus
{
    /// <summary>A token was found and verified.</summary>
    SignedIn,

    /// <summary>No valid token: answer 401 (an API) or show the page signed out.</summary>
    SignedOut,

    /// <summary>
    /// A page request whose session cookie cannot be trusted as it is (expired, older than the client's last sign-in or
    /// sign-out, missing while the client is signed in): redirect the browser to the Frontend API's handshake
    /// (<see cref="ClerkRequestState.Headers"/>: <c>Location</c>, <c>Set-Cookie</c>, <c>Cache-Control</c>), which comes back
    /// with fresh cookies.
    /// </summary>
    Handshake,
}
