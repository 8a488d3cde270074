using System.Collections.Generic;

namespace Clerk;

/// <summary>A list response read from either shape Clerk sends: a bare array, or <c>{data: [...], total_count: N}</c>.</summary>
internal readonly record struct ClerkListResult<T>(IList<T>? Items, long? TotalCount);
