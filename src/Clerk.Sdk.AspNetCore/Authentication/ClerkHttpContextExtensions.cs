using System;
using Clerk.Authentication;
using Microsoft.AspNetCore.Http;

namespace Clerk.AspNetCore;

/// <summary>Access to the full verification result of the Clerk authentication scheme in a request.</summary>
public static class ClerkHttpContextExtensions
{
    /// <summary>
    /// The result of the Clerk scheme's verification of this request (session claims with every raw claim, or the machine
    /// token; or, when rejected, the reason), once the scheme has authenticated it; null when it has not run or found no token.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <returns>The state, or null.</returns>
    public static ClerkRequestState? GetClerkRequestState(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ClerkRequestState>();
    }
}
