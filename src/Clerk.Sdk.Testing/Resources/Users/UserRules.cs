using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Testing.Errors;
using Clerk.Testing.Store;

namespace Clerk.Testing.Resources.Users;

/// <summary>
/// Clerk's user checks that a fake can make without instance settings: identifiers unique across the instance
/// (422 <c>form_identifier_exists</c>), well-formed emails, usernames of 4 to 64 characters, passwords of at least 8.
/// The fake instance requires no particular identifier.
/// </summary>
internal static class UserRules
{
    public static void CheckEmails(FakeStore store, IReadOnlyList<string> emails, string? exceptUserId)
    {
        foreach (var email in emails)
        {
            if (email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@'))
            {
                throw Faults.Unprocessable(Faults.FormatInvalid("email_address", "must be a valid email address."));
            }
            if (store.Users.Values.Any(u => u.Id != exceptUserId && UserFactory.Emails(u).Contains(email, StringComparer.OrdinalIgnoreCase)))
            {
                throw Faults.IdentifierExists("email_address", "email address");
            }
        }
    }

    public static void CheckPhones(FakeStore store, IReadOnlyList<string> phones)
    {
        foreach (var phone in phones)
        {
            if (!phone.StartsWith('+') || phone.Length < 8 || !phone[1..].All(char.IsAsciiDigit))
            {
                throw Faults.Unprocessable(Faults.FormatInvalid("phone_number", "must be in E.164 format (+15555550100)."));
            }
            if (store.Users.Values.Any(u => UserFactory.Phones(u).Contains(phone, StringComparer.Ordinal)))
            {
                throw Faults.IdentifierExists("phone_number", "phone number");
            }
        }
    }

    public static void CheckUsername(FakeStore store, string? username, string? exceptUserId)
    {
        if (username is null)
        {
            return;
        }
        if (username.Length is < 4 or > 64)
        {
            throw Faults.Unprocessable(new FakeError("form_username_invalid_length", "Username must be between 4 and 64 characters long.", "Username must be between 4 and 64 characters long.", "username"));
        }
        if (store.Users.Values.Any(u => u.Id != exceptUserId && string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)))
        {
            throw Faults.IdentifierExists("username", "username");
        }
    }

    public static void CheckExternalId(FakeStore store, string? externalId, string? exceptUserId)
    {
        if (externalId is not null && store.Users.Values.Any(u => u.Id != exceptUserId && u.ExternalId == externalId))
        {
            throw Faults.IdentifierExists("external_id", "external ID");
        }
    }

    public static void CheckPassword(string? password, string? digest, bool skipChecks)
    {
        if (password is not null && digest is not null)
        {
            throw Faults.Unprocessable(Faults.ValueInvalid("password_digest", "cannot be given together with password."));
        }
        if (password is not null && !skipChecks && password.Length < 8)
        {
            throw Faults.Unprocessable(new FakeError("form_password_length_too_short", "Passwords must be 8 characters or more.", "Passwords must be 8 characters or more.", "password"));
        }
    }
}
