using System;
using Clerk.Authentication;
using Microsoft.Extensions.Options;

namespace Clerk.DependencyInjection;

/// <summary>
/// Validates <see cref="ClerkTokenVerifierOptions"/> registered by <c>AddClerk</c> when the host starts, with the checks of
/// the <see cref="ClerkTokenVerifier"/> constructor (PEM key, issuer or publishable key, authorized parties, algorithms, durations).
/// </summary>
internal sealed class ClerkTokenVerifierOptionsValidator : IValidateOptions<ClerkTokenVerifierOptions>
{
    public ValidateOptionsResult Validate(string? name, ClerkTokenVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            ClerkTokenVerifier.CheckOptions(options);
            return ValidateOptionsResult.Success;
        }
        catch (ClerkConfigurationException ex)
        {
            return ValidateOptionsResult.Fail($"Clerk token verification settings: {ex.Message}");
        }
    }
}
