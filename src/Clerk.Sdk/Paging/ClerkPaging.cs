using System;

namespace Clerk;

/// <summary>Page sizes of the list operations' pageables; renamed <see cref="ClerkPageSizes"/>.</summary>
[Obsolete("Use ClerkPageSizes (Default, Max). ClerkPaging will be removed in a future major version.")]
public static class ClerkPaging
{
    /// <summary>The page size when no hint is given; <see cref="ClerkPageSizes.Default"/>.</summary>
    public const int DefaultPageSize = ClerkPageSizes.Default;

    /// <summary>The largest page size sent; <see cref="ClerkPageSizes.Max"/>.</summary>
    public const int MaxPageSize = ClerkPageSizes.Max;
}
