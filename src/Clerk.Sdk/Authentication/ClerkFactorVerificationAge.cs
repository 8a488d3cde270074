namespace Clerk.Authentication;

/// <summary>
/// The <c>fva</c> claim: minutes since the user last verified each factor, for step-up checks
/// (<c>-1</c> when that factor was never verified in this session).
/// </summary>
public sealed class ClerkFactorVerificationAge
{
    internal ClerkFactorVerificationAge(long firstFactorMinutes, long secondFactorMinutes)
    {
        FirstFactorMinutes = firstFactorMinutes;
        SecondFactorMinutes = secondFactorMinutes;
    }

    /// <summary>Minutes since the first factor (password, code, ...) was verified; <c>-1</c> when never.</summary>
    public long FirstFactorMinutes { get; }

    /// <summary>Minutes since the second factor was verified; <c>-1</c> when never.</summary>
    public long SecondFactorMinutes { get; }

    /// <summary>Returns both ages.</summary>
    /// <returns>A description.</returns>
    public override string ToString() => $"[{FirstFactorMinutes}, {SecondFactorMinutes}]";
}
