using System.Collections.Generic;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Store;

namespace Clerk.Testing.Resources.Users;

/// <summary>New users and their identifications as Clerk returns them (created verified, strategy <c>admin</c>).</summary>
internal static class UserFactory
{
    // Clerk still sends the deprecated profile_image_url (the spec marks it deprecated, not removed).
#pragma warning disable CS0612
    public static User New(string id, long now) => new()
    {
        Id = id,
        Object = "user",
        ImageUrl = "https://img.clerk.test/" + id,
        ProfileImageUrl = "https://img.clerk.test/" + id,
        HasImage = false,
        PublicMetadata = new Metadata(),
        PrivateMetadata = new Metadata(),
        UnsafeMetadata = new Metadata(),
        EmailAddresses = new List<EmailAddress>(),
        PhoneNumbers = new List<PhoneNumber>(),
        Web3Wallets = new List<Web3Wallet>(),
        Passkeys = new List<Passkey>(),
        ExternalAccounts = new List<ExternalAccountWithVerification>(),
        SamlAccounts = new List<SamlAccount>(),
        EnterpriseAccounts = new List<EnterpriseAccount>(),
        DeleteSelfEnabled = true,
        CreateOrganizationEnabled = true,
        CreatedAt = now,
        UpdatedAt = now,
    };
#pragma warning restore CS0612

    public static EmailAddress Email(string address, long now) => new()
    {
        Id = ClerkIds.New("idn"),
        Object = "email_address",
        EmailAddressValue = address,
        Reserved = false,
        Verification = new EmailAddressVerification { Object = "verification_admin", Status = EmailAddressVerificationStatus.Verified, Strategy = "admin" },
        LinkedTo = new List<IdentificationLink>(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static PhoneNumber Phone(string number, long now) => new()
    {
        Id = ClerkIds.New("idn"),
        Object = "phone_number",
        PhoneNumberValue = number,
        Reserved = false,
        ReservedForSecondFactor = false,
        DefaultSecondFactor = false,
        Verification = new PhoneNumberVerification { Object = "verification_admin", Status = PhoneNumberVerificationStatus.Verified, Strategy = PhoneNumberVerificationStrategy.Admin },
        LinkedTo = new List<IdentificationLink>(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static IEnumerable<string> Emails(User user) => user.EmailAddresses.Select(e => e.EmailAddressValue);

    public static IEnumerable<string> Phones(User user) => user.PhoneNumbers.Select(p => p.PhoneNumberValue);
}
