using System.Collections.Generic;

namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>An email address of <see cref="StjUser"/>.</summary>
public sealed class StjEmailAddress
{
    public string? Id { get; set; }
    public string Object { get; set; } = "";
    public string EmailAddress { get; set; } = "";
    public bool Reserved { get; set; }
    public StjVerification? Verification { get; set; }
    public List<StjIdentificationLink>? LinkedTo { get; set; }
    public bool? MatchesSsoConnection { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}
