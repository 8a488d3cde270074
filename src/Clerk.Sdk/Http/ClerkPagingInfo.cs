namespace Clerk.Http;

/// <summary>How a list operation pages (<see cref="ClerkOperation.Paging"/>), chosen by the spec tool from the spec.</summary>
public sealed class ClerkPagingInfo
{
    /// <summary>Creates the paging description (the generated descriptors do).</summary>
    /// <param name="kind">Cursor where the spec offers <c>starting_after</c>, else offset.</param>
    /// <param name="defaultPageSize">The API's default <c>limit</c>.</param>
    /// <param name="maxPageSize">The API's maximum <c>limit</c>, or null when the spec gives none.</param>
    /// <param name="paginatedFlag">The operation takes <c>paginated=true</c>, which turns its bare array into <c>{data, total_count}</c>: the SDK sends it to get the total count.</param>
    public ClerkPagingInfo(ClerkPagingKind kind, long defaultPageSize, long? maxPageSize, bool paginatedFlag)
    {
        Kind = kind;
        DefaultPageSize = defaultPageSize;
        MaxPageSize = maxPageSize;
        PaginatedFlag = paginatedFlag;
    }

    /// <summary>Cursor (<c>starting_after</c>) or offset paging; a cursor operation falls back to offsets where a call's ordering rules the cursor out.</summary>
    public ClerkPagingKind Kind { get; }

    /// <summary>The API's default <c>limit</c> (the page size when none is sent).</summary>
    public long DefaultPageSize { get; }

    /// <summary>The API's maximum <c>limit</c>, or null.</summary>
    public long? MaxPageSize { get; }

    /// <summary>The operation takes <c>paginated</c>; the SDK sends <c>paginated=true</c> and reads <c>{data, total_count}</c>.</summary>
    public bool PaginatedFlag { get; }

    /// <summary>The largest page size sent: the API's maximum, at most <see cref="ClerkPageSizes.Max"/>.</summary>
    public int LargestPageSize => MaxPageSize is { } max && max < ClerkPageSizes.Max ? (int)System.Math.Max(1, max) : ClerkPageSizes.Max;

    /// <summary>The page size to send: the hint, else <see cref="ClerkPageSizes.Default"/> (at most <see cref="LargestPageSize"/>).</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The hint is below 1 or above <see cref="LargestPageSize"/>.</exception>
    internal int PageSize(int? hint, string parameterName = "pageSizeHint")
    {
        if (hint is { } given && (given < 1 || given > LargestPageSize))
        {
            throw new System.ArgumentOutOfRangeException(parameterName, given,
                $"The page size must be between 1 and {LargestPageSize}{(LargestPageSize < ClerkPageSizes.Max ? " (the API's maximum for this operation)" : "")}; the default is {ClerkPageSizes.Default}.");
        }
        return System.Math.Min(hint ?? ClerkPageSizes.Default, LargestPageSize);
    }

    /// <summary>For example <c>Cursor (default 10, max 500, paginated)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Kind} (default {DefaultPageSize}{(MaxPageSize is { } m ? $", max {m}" : "")}{(PaginatedFlag ? ", paginated" : "")})";
}
