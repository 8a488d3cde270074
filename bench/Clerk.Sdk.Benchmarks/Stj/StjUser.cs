using System.Collections.Generic;
using System.Text.Json;

namespace Clerk.Sdk.Benchmarks.Stj;

/// <summary>
/// The System.Text.Json contender's model: a hand-written POCO with every field of the Clerk user payload (the same
/// shape as the generated <c>Clerk.BackendApi.User</c>; enums as strings, metadata as JSON elements), read with
/// <see cref="StjOptions.Options"/> (snake_case names).
/// </summary>
public sealed class StjUser
{
    public string Id { get; set; } = "";
    public string Object { get; set; } = "";
    public string? ExternalId { get; set; }
    public string? PrimaryEmailAddressId { get; set; }
    public string? PrimaryPhoneNumberId { get; set; }
    public string? PrimaryWeb3WalletId { get; set; }
    public string? Username { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Locale { get; set; }
    public string? ProfileImageUrl { get; set; }
    public string? ImageUrl { get; set; }
    public bool HasImage { get; set; }
    public Dictionary<string, JsonElement>? PublicMetadata { get; set; }
    public Dictionary<string, JsonElement>? PrivateMetadata { get; set; }
    public Dictionary<string, JsonElement>? UnsafeMetadata { get; set; }
    public List<StjEmailAddress>? EmailAddresses { get; set; }
    public List<StjPhoneNumber>? PhoneNumbers { get; set; }
    public List<StjWeb3Wallet>? Web3Wallets { get; set; }
    public List<StjPasskey>? Passkeys { get; set; }
    public bool PasswordEnabled { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public bool TotpEnabled { get; set; }
    public bool BackupCodeEnabled { get; set; }
    public long? MfaEnabledAt { get; set; }
    public long? MfaDisabledAt { get; set; }
    public long? PasswordLastUpdatedAt { get; set; }
    public List<StjExternalAccount>? ExternalAccounts { get; set; }
    public List<StjEnterpriseAccount>? SamlAccounts { get; set; }
    public List<StjEnterpriseAccount>? EnterpriseAccounts { get; set; }
    public long? LastSignInAt { get; set; }
    public bool Banned { get; set; }
    public bool Locked { get; set; }
    public bool? Deprovisioned { get; set; }
    public long? LockoutExpiresInSeconds { get; set; }
    public long? VerificationAttemptsRemaining { get; set; }
    public long UpdatedAt { get; set; }
    public long CreatedAt { get; set; }
    public bool DeleteSelfEnabled { get; set; }
    public bool CreateOrganizationEnabled { get; set; }
    public long? CreateOrganizationsLimit { get; set; }
    public long? LastActiveAt { get; set; }
    public long? LegalAcceptedAt { get; set; }
    public bool? BypassClientTrust { get; set; }
    public StjScim? Scim { get; set; }
}
