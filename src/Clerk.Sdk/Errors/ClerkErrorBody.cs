using System.Collections.Generic;

namespace Clerk;

/// <summary>What the error parser read from an error response.</summary>
internal sealed record ClerkErrorBody(IReadOnlyList<ClerkApiError> Errors, string? TraceId, string? Excerpt);
