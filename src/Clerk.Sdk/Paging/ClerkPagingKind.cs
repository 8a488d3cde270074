namespace Clerk;

/// <summary>How a list operation walks its pages (<see cref="Http.ClerkPagingInfo.Kind"/>).</summary>
public enum ClerkPagingKind
{
    /// <summary><c>limit</c> and <c>offset</c>: the continuation token is the offset of the next page.</summary>
    Offset = 0,

    /// <summary>
    /// <c>limit</c> and <c>starting_after</c> (the id of the last item read): the continuation token is that id. Stable
    /// while items are added or removed, and fast at any depth; Clerk's advice for walking more than a few pages.
    /// </summary>
    Cursor = 1,
}
