using System;
using System.Collections.Generic;

namespace Clerk.Sdk.ConformanceTests.Invocation;

/// <summary>
/// What a facade adds to requests on its own, checked on every exchange against the operation's security requirements
/// (<see cref="ExchangeChecks"/>): an operation that accepts an HTTP bearer token gets <c>Authorization: Bearer</c> and
/// <see cref="WithBearer"/>; one that takes only HTTP Basic gets <c>Authorization: Basic</c> when
/// <see cref="SendsBasic"/>; a public one gets no credential at all.
/// </summary>
/// <param name="ClientQueryParameters">Query names the facade adds that the spec does not declare per operation (allowed, not reported as unknown).</param>
/// <param name="OnEveryRequest">Query parameters (name, value) every request must carry exactly once.</param>
/// <param name="WithBearer">Query parameters (name, value) that go with the bearer token, exactly once; never without it.</param>
/// <param name="SendsBasic">Whether the facade has HTTP Basic credentials (an OAuth client) for the operations that take them.</param>
/// <param name="OverlayDirectory">Where a spec defect of this API is fixed.</param>
internal sealed record RequestExpectations(
    IReadOnlySet<string> ClientQueryParameters,
    IReadOnlyList<(string Name, string Value)> OnEveryRequest,
    IReadOnlyList<(string Name, string Value)> WithBearer,
    bool SendsBasic,
    string OverlayDirectory)
{
    /// <summary>Credentials are not checked at all (the suite's own tests of the other checks).</summary>
    public bool ChecksCredentials { get; init; } = true;

    /// <summary>Nothing added, nothing checked about credentials.</summary>
    public static RequestExpectations None { get; } = new(new HashSet<string>(StringComparer.Ordinal), [], [], false, "openapi/overlays/<api>") { ChecksCredentials = false };
}
