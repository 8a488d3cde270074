using System.Collections.Generic;

namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>A phone number of <see cref="StjUser"/>.</summary>
public sealed class StjPhoneNumber
{
    public string? Id { get; set; }
    public string Object { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public bool? ReservedForSecondFactor { get; set; }
    public bool? DefaultSecondFactor { get; set; }
    public bool Reserved { get; set; }
    public StjVerification? Verification { get; set; }
    public List<StjIdentificationLink>? LinkedTo { get; set; }
    public List<string>? BackupCodes { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}
