namespace Clerk;

/// <summary>Page sizes of the list operations' pageables (<see cref="ClerkPageable{T}"/>).</summary>
public static class ClerkPaging
{
    /// <summary>The page size when no hint is given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page size sent (an operation whose API maximum is lower uses that).</summary>
    public const int MaxPageSize = 500;
}
