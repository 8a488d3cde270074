using System;
using System.Collections.Generic;

namespace Clerk.Authentication;

/// <summary>One fetched JWKS: its keys by <c>kid</c> and when it was fetched. Immutable; replaced whole on refetch.</summary>
internal sealed class JwksKeySet
{
    public JwksKeySet(IReadOnlyDictionary<string, VerificationKey> keys, DateTimeOffset fetchedAt)
    {
        Keys = keys;
        FetchedAt = fetchedAt;
    }

    public IReadOnlyDictionary<string, VerificationKey> Keys { get; }

    public DateTimeOffset FetchedAt { get; }
}
