using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Hosting;
using Clerk.Testing.Resources;

namespace Clerk.Testing.Resources.Users;

/// <summary>
/// The filters of <c>GET /users</c> and <c>GET /users/count</c>: identifier lists (any match), <c>query</c> (a
/// case-insensitive substring of id, emails, phones, username, names or external id), the <c>*_query</c> substrings,
/// <c>banned</c>, <c>organization_id</c> and the time ranges; then <c>order_by</c> (default <c>-created_at</c>).
/// </summary>
internal static class UserQuery
{
    private static readonly Dictionary<string, Func<User, IComparable?>> Fields = new(StringComparer.Ordinal)
    {
        ["created_at"] = u => u.CreatedAt,
        ["updated_at"] = u => u.UpdatedAt,
        ["email_address"] = u => u.EmailAddresses.FirstOrDefault(e => e.Id == u.PrimaryEmailAddressId)?.EmailAddressValue,
        ["web3wallet"] = u => null,
        ["first_name"] = u => u.FirstName,
        ["last_name"] = u => u.LastName,
        ["phone_number"] = u => u.PhoneNumbers.FirstOrDefault(p => p.Id == u.PrimaryPhoneNumberId)?.PhoneNumberValue,
        ["username"] = u => u.Username,
        ["last_active_at"] = u => u.LastActiveAt,
        ["last_sign_in_at"] = u => u.LastSignInAt,
    };

    public static IEnumerable<User> Apply(FakeCall call, IEnumerable<User> users) =>
        Ordering.Apply(Filter(call, users), call, "-created_at", u => u.Id, Fields);

    public static IEnumerable<User> Filter(FakeCall call, IEnumerable<User> users)
    {
        var result = users;
        result = AnyOf(call, result, "email_address", UserFactory.Emails, StringComparer.OrdinalIgnoreCase);
        result = AnyOf(call, result, "phone_number", UserFactory.Phones, StringComparer.Ordinal);
        result = AnyOf(call, result, "external_id", u => Single(u.ExternalId), StringComparer.Ordinal);
        result = AnyOf(call, result, "username", u => Single(u.Username), StringComparer.OrdinalIgnoreCase);
        result = AnyOf(call, result, "user_id", u => [u.Id], StringComparer.Ordinal);
        var organizations = call.QueryAll("organization_id");
        if (organizations.Length > 0)
        {
            var members = call.Store.Memberships.Where(m => organizations.Contains(m.OrganizationId)).Select(m => m.UserId).ToHashSet();
            result = result.Where(u => members.Contains(u.Id));
        }
        result = Contains(call, result, "query", Searchable);
        result = Contains(call, result, "email_address_query", UserFactory.Emails);
        result = Contains(call, result, "phone_number_query", UserFactory.Phones);
        result = Contains(call, result, "username_query", u => Single(u.Username));
        result = Contains(call, result, "name_query", u => [$"{u.FirstName} {u.LastName}".Trim()]);
        if (call.QueryBool("banned") is { } banned)
        {
            result = result.Where(u => u.Banned == banned);
        }
        result = Range(call, result, "created_at", u => u.CreatedAt);
        result = Range(call, result, "last_active_at", u => u.LastActiveAt);
        result = Range(call, result, "last_sign_in_at", u => u.LastSignInAt);
        if (call.Query("last_active_at_since") is not null)
        {
            var since = call.QueryLong("last_active_at_since", 0);
            result = result.Where(u => u.LastActiveAt >= since);
        }
        return result;
    }

    private static IEnumerable<string> Searchable(User u) =>
        new[] { u.Id, u.Username, u.FirstName, u.LastName, u.ExternalId, $"{u.FirstName} {u.LastName}" }
            .Concat(UserFactory.Emails(u)).Concat(UserFactory.Phones(u)).Where(s => s is not null)!;

    private static string[] Single(string? value) => value is null ? [] : [value];

    private static IEnumerable<User> AnyOf(FakeCall call, IEnumerable<User> users, string name, Func<User, IEnumerable<string>> values, StringComparer comparer)
    {
        var wanted = call.QueryAll(name);
        return wanted.Length == 0 ? users : users.Where(u => values(u).Any(v => wanted.Contains(v, comparer)));
    }

    private static IEnumerable<User> Contains(FakeCall call, IEnumerable<User> users, string name, Func<User, IEnumerable<string>> values)
    {
        var text = call.Query(name);
        return string.IsNullOrEmpty(text) ? users : users.Where(u => values(u).Any(v => v.Contains(text, StringComparison.OrdinalIgnoreCase)));
    }

    private static IEnumerable<User> Range(FakeCall call, IEnumerable<User> users, string field, Func<User, long?> value)
    {
        if (call.Query(field + "_before") is not null)
        {
            var before = call.QueryLong(field + "_before", 0);
            users = users.Where(u => value(u) < before);
        }
        if (call.Query(field + "_after") is not null)
        {
            var after = call.QueryLong(field + "_after", 0);
            users = users.Where(u => value(u) > after);
        }
        return users;
    }
}
