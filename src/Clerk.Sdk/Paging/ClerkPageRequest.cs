using Clerk.Http;

namespace Clerk;

/// <summary>What one page request adds to the list operation's request: the page size, where to start, <c>paginated=true</c>.</summary>
internal readonly record struct ClerkPageRequest(ClerkPagingKind Kind, string? ContinuationToken, int PageSize, bool Paginated)
{
    public void Apply(ClerkRequestBuilder request)
    {
        request.Query("limit", (long)PageSize);
        if (Kind == ClerkPagingKind.Offset)
        {
            request.Query("offset", ContinuationToken ?? "0");
        }
        else if (ContinuationToken is not null)
        {
            request.Query("starting_after", ContinuationToken);
        }
        if (Paginated)
        {
            request.Query("paginated", true);
        }
    }
}
