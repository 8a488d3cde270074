namespace Clerk.AspNetCore;

/// <summary>Default names of the Clerk authentication scheme.</summary>
public static class ClerkAuthenticationDefaults
{
    /// <summary>The default scheme name: <c>Clerk</c>.</summary>
    public const string AuthenticationScheme = "Clerk";

    /// <summary>The cookie Clerk's frontend SDKs keep the session token in: <c>__session</c>.</summary>
    public const string SessionCookieName = "__session";
}
