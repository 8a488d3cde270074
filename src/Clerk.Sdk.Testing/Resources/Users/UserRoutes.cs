using System;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Errors;
using Clerk.Testing.Hosting;
using Clerk.Testing.Store;
using Clerk.Testing.Resources;
using Clerk.Testing.Resources.Sessions;

namespace Clerk.Testing.Resources.Users;

/// <summary>Users: create, get, list, count, update, delete, metadata merge, ban/unban, lock/unlock.</summary>
internal static class UserRoutes
{
    /// <summary>The first API version that rejects metadata on <c>PATCH /users/{user_id}</c> (the spec's deprecation note).</summary>
    private const string MetadataRejectedFrom = "2026-05-12";

    public static void Map(FakeRoutes routes)
    {
        routes.Map(ClerkOperations.Users_Create, Create);
        routes.Map(ClerkOperations.Users_Get, call => call.Store.User(call.Path("user_id")));
        routes.Map(ClerkOperations.Users_List, call => Page.Of(UserQuery.Apply(call, call.Store.Users.Values), call, user => user.Id));
        routes.Map(ClerkOperations.Users_Count, call => new TotalCount { Object = "total_count", TotalCountValue = UserQuery.Filter(call, call.Store.Users.Values).Count() });
        routes.Map(ClerkOperations.Users_Update, Update);
        routes.Map(ClerkOperations.Users_Delete, Delete);
        routes.Map(ClerkOperations.Users_UpdateMetadata, UpdateMetadata);
        routes.Map(ClerkOperations.Users_Ban, call => Ban(call, banned: true));
        routes.Map(ClerkOperations.Users_Unban, call => Ban(call, banned: false));
        routes.Map(ClerkOperations.Users_Lock, call => Lock(call, locked: true));
        routes.Map(ClerkOperations.Users_Unlock, call => Lock(call, locked: false));
    }

    private static User Create(FakeCall call)
    {
        var request = call.BodyAs<CreateUserRequest>();
        var store = call.Store;
        var now = call.Now;
        var emails = request.EmailAddress?.ToList() ?? [];
        var phones = request.PhoneNumber?.ToList() ?? [];
        if (call.Instance.Options.RequireIdentifier && emails.Count == 0 && phones.Count == 0 && string.IsNullOrEmpty(request.Username) && (request.Web3Wallet?.Count ?? 0) == 0)
        {
            throw Faults.Unprocessable(Faults.Missing("email_address"));
        }
        UserRules.CheckEmails(store, emails, exceptUserId: null);
        UserRules.CheckPhones(store, phones);
        UserRules.CheckUsername(store, request.Username, exceptUserId: null);
        UserRules.CheckExternalId(store, request.ExternalId, exceptUserId: null);
        UserRules.CheckPassword(request.Password, request.PasswordDigest, request.SkipPasswordChecks == true);
        var createdAt = Timestamps.Parse(request.CreatedAt, "created_at") ?? now;
        var user = UserFactory.New(ClerkIds.New("user"), createdAt);
        user.UpdatedAt = now;
        user.FirstName = request.FirstName;
        user.LastName = request.LastName;
        user.Username = request.Username;
        user.ExternalId = request.ExternalId;
        user.Locale = request.Locale;
        user.PasswordEnabled = request.Password is not null || request.PasswordDigest is not null;
        user.PasswordLastUpdatedAt = user.PasswordEnabled ? now : null;
        user.EmailAddresses = emails.Select(e => UserFactory.Email(e, now)).ToList();
        user.PhoneNumbers = phones.Select(p => UserFactory.Phone(p, now)).ToList();
        user.PrimaryEmailAddressId = user.EmailAddresses.FirstOrDefault()?.Id;
        user.PrimaryPhoneNumberId = user.PhoneNumbers.FirstOrDefault()?.Id;
        user.PublicMetadata = MetadataMerge.Copy(request.PublicMetadata);
        user.PrivateMetadata = MetadataMerge.Copy(request.PrivateMetadata);
        user.UnsafeMetadata = MetadataMerge.Copy(request.UnsafeMetadata);
        user.DeleteSelfEnabled = request.DeleteSelfEnabled ?? true;
        user.CreateOrganizationEnabled = request.CreateOrganizationEnabled ?? true;
        user.CreateOrganizationsLimit = request.CreateOrganizationsLimit;
        user.LegalAcceptedAt = Timestamps.Parse(request.LegalAcceptedAt, "legal_accepted_at");
        user.BypassClientTrust = request.BypassClientTrust ?? false;
        user.Banned = request.Banned ?? false;
        user.Locked = request.Locked ?? false;
        store.Users[user.Id] = user;
        store.Created(user.Id);
        return user;
    }

    private static User Update(FakeCall call)
    {
        var user = call.Store.User(call.Path("user_id"));
        if (string.CompareOrdinal(call.ApiVersion, MetadataRejectedFrom) >= 0)
        {
            var rejected = new[] { "public_metadata", "private_metadata", "unsafe_metadata" }.Where(call.Has).Select(Faults.Unknown).ToList();
            if (rejected.Count > 0)
            {
                throw new FakeErrorException(422, rejected);
            }
        }
        var request = call.BodyAs<UpdateUserRequest>();
        UserRules.CheckUsername(call.Store, request.Username, user.Id);
        UserRules.CheckExternalId(call.Store, request.ExternalId, user.Id);
        UserRules.CheckPassword(request.Password, request.PasswordDigest, request.SkipPasswordChecks == true);
        if (request.PrimaryEmailAddressId is { } emailId && user.EmailAddresses.All(e => e.Id != emailId))
        {
            throw Faults.Unprocessable(Faults.ValueInvalid("primary_email_address_id", "must be the id of one of the user's email addresses."));
        }
        if (request.PrimaryPhoneNumberId is { } phoneId && user.PhoneNumbers.All(p => p.Id != phoneId))
        {
            throw Faults.Unprocessable(Faults.ValueInvalid("primary_phone_number_id", "must be the id of one of the user's phone numbers."));
        }
        Set(call, "first_name", () => user.FirstName = request.FirstName);
        Set(call, "last_name", () => user.LastName = request.LastName);
        Set(call, "username", () => user.Username = request.Username);
        Set(call, "external_id", () => user.ExternalId = request.ExternalId);
        Set(call, "locale", () => user.Locale = request.Locale);
        Set(call, "primary_email_address_id", () => user.PrimaryEmailAddressId = request.PrimaryEmailAddressId ?? user.PrimaryEmailAddressId);
        Set(call, "primary_phone_number_id", () => user.PrimaryPhoneNumberId = request.PrimaryPhoneNumberId ?? user.PrimaryPhoneNumberId);
        Set(call, "public_metadata", () => user.PublicMetadata = MetadataMerge.Copy(request.PublicMetadata));
        Set(call, "private_metadata", () => user.PrivateMetadata = MetadataMerge.Copy(request.PrivateMetadata));
        Set(call, "unsafe_metadata", () => user.UnsafeMetadata = MetadataMerge.Copy(request.UnsafeMetadata));
        Set(call, "delete_self_enabled", () => user.DeleteSelfEnabled = request.DeleteSelfEnabled ?? user.DeleteSelfEnabled);
        Set(call, "create_organization_enabled", () => user.CreateOrganizationEnabled = request.CreateOrganizationEnabled ?? user.CreateOrganizationEnabled);
        Set(call, "create_organizations_limit", () => user.CreateOrganizationsLimit = request.CreateOrganizationsLimit);
        Set(call, "bypass_client_trust", () => user.BypassClientTrust = request.BypassClientTrust ?? user.BypassClientTrust);
        Set(call, "legal_accepted_at", () => user.LegalAcceptedAt = Timestamps.Parse(request.LegalAcceptedAt, "legal_accepted_at"));
        Set(call, "created_at", () => user.CreatedAt = Timestamps.Parse(request.CreatedAt, "created_at") ?? user.CreatedAt);
        if (request.Password is not null || request.PasswordDigest is not null)
        {
            user.PasswordEnabled = true;
            user.PasswordLastUpdatedAt = call.Now;
            if (request.SignOutOfOtherSessions == true)
            {
                SessionRules.EndAll(call.Store, user.Id, SessionStatus.Revoked, call.Now);
            }
        }
        user.UpdatedAt = call.Now;
        return user;
    }

    private static DeletedObject Delete(FakeCall call)
    {
        var user = call.Store.User(call.Path("user_id"));
        call.Store.Users.Remove(user.Id);
        call.Store.Memberships.RemoveAll(m => m.UserId == user.Id);
        SessionRules.EndAll(call.Store, user.Id, SessionStatus.Removed, call.Now);
        return new DeletedObject { Object = "user", Id = user.Id, Deleted = true };
    }

    private static User UpdateMetadata(FakeCall call)
    {
        var user = call.Store.User(call.Path("user_id"));
        var request = call.BodyAs<UpdateUserMetadataRequest>();
        user.PublicMetadata = MetadataMerge.Merge(user.PublicMetadata, request.PublicMetadata);
        user.PrivateMetadata = MetadataMerge.Merge(user.PrivateMetadata, request.PrivateMetadata);
        user.UnsafeMetadata = MetadataMerge.Merge(user.UnsafeMetadata, request.UnsafeMetadata);
        user.UpdatedAt = call.Now;
        return user;
    }

    /// <summary>Banning revokes the user's active sessions, as Clerk does.</summary>
    private static User Ban(FakeCall call, bool banned)
    {
        var user = call.Store.User(call.Path("user_id"));
        user.Banned = banned;
        if (banned)
        {
            SessionRules.EndAll(call.Store, user.Id, SessionStatus.Revoked, call.Now);
        }
        user.UpdatedAt = call.Now;
        return user;
    }

    /// <summary>An explicit lock does not expire by itself (<c>lockout_expires_in_seconds: null</c>).</summary>
    private static User Lock(FakeCall call, bool locked)
    {
        var user = call.Store.User(call.Path("user_id"));
        user.Locked = locked;
        user.LockoutExpiresInSeconds = null;
        user.UpdatedAt = call.Now;
        return user;
    }

    private static void Set(FakeCall call, string field, Action apply)
    {
        if (call.Has(field))
        {
            apply();
        }
    }
}
