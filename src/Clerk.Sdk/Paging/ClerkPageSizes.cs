namespace Clerk;

/// <summary>The page sizes a <see cref="ClerkPageable{T}"/> sends when it asks Clerk for a page.</summary>
public static class ClerkPageSizes
{
    /// <summary>The page size when no hint is given (<see cref="ClerkPageable{T}.WithPageSize"/>, <c>AsPages</c>).</summary>
    public const int Default = 100;

    /// <summary>The largest page size sent (an operation whose API maximum is lower uses that).</summary>
    public const int Max = 500;
}
