using System;
using Clerk.AspNetCore;
using Microsoft.AspNetCore.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Clerk authentication scheme: <c>builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk()</c>.</summary>
public static class ClerkAuthenticationBuilderExtensions
{
    /// <summary>
    /// Adds the Clerk scheme (<see cref="ClerkAuthenticationDefaults.AuthenticationScheme"/>): Bearer tokens and the session cookie,
    /// verified by the <c>ClerkTokenVerifier</c> of <c>services.AddClerk(...)</c>.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddClerk(this AuthenticationBuilder builder) =>
        builder.AddClerk(ClerkAuthenticationDefaults.AuthenticationScheme, null);

    /// <summary>Adds the Clerk scheme (<see cref="ClerkAuthenticationDefaults.AuthenticationScheme"/>) with its settings.</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configure">Sets the scheme's options.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddClerk(this AuthenticationBuilder builder, Action<ClerkAuthenticationOptions>? configure) =>
        builder.AddClerk(ClerkAuthenticationDefaults.AuthenticationScheme, configure);

    /// <summary>Adds a Clerk scheme under a name of your choice (e.g. a second one with its own <see cref="ClerkAuthenticationOptions.TokenVerifier"/>).</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name.</param>
    /// <param name="configure">Sets the scheme's options; may be null.</param>
    /// <returns>The builder.</returns>
    public static AuthenticationBuilder AddClerk(this AuthenticationBuilder builder, string authenticationScheme, Action<ClerkAuthenticationOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        return builder.AddScheme<ClerkAuthenticationOptions, ClerkAuthenticationHandler>(authenticationScheme, configure);
    }
}
