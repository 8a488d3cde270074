using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Names the options class of every operation (<c>x-clerk-options</c>): Stripe's shape, the resource in the singular,
/// the method, <c>Options</c> (<c>Users_List</c> → <c>UserListOptions</c>, <c>Organizations_Get</c> →
/// <c>OrganizationGetOptions</c>). The client template puts every optional query, header and form parameter of the
/// operation there (a list operation's paging parameters are its pageable's), and gives each operation method an
/// <c>options</c> parameter of that class, even when it is empty: a parameter Clerk adds to an operation later then
/// arrives as a new property, never as a new method parameter, so a spec bump never changes a method's signature.
/// Where the singular would clash with another name (a schema, another operation's class), the resource is kept as
/// it is (<c>UsersListOptions</c>); a clash that remains fails the build.
/// </summary>
public static class OperationOptions
{
    /// <summary>Names the options class of every operation; returns how many.</summary>
    public static int Apply(JObject document)
    {
        var schemas = (document["components"]?["schemas"] as JObject)?.Properties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var operations = SpecDocument.Operations(document).ToList();
        var wanted = operations.Select(o =>
        {
            var id = Json.Str(o.Operation, "operationId") ?? throw new SpecToolException($"{o.Method.ToUpperInvariant()} {o.Path} has no operationId");
            var separator = id.IndexOf('_', StringComparison.Ordinal);
            var (resource, method) = (id[..separator], id[(separator + 1)..]);
            return (o.Operation, Label: $"{o.Method.ToUpperInvariant()} {o.Path}", Singular: Singular(resource) + method + "Options", Plural: resource + method + "Options");
        }).ToList();
        var singularCounts = wanted.GroupBy(w => w.Singular, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (operation, label, singular, plural) in wanted)
        {
            var name = singularCounts[singular] == 1 && !schemas.Contains(singular) ? singular : plural;
            if (schemas.Contains(name) || !taken.TryAdd(name, label))
            {
                throw new SpecToolException($"{label}: its options class {name} clashes with {(schemas.Contains(name) ? "a schema of that name" : taken[name])}; rename the operation in an overlay (x-speakeasy-name-override)");
            }
            operation[SpecExtensions.Options] = name;
        }
        return wanted.Count;
    }

    /// <summary>The singular of a resource name: <c>Users</c> → <c>User</c>, <c>EmailAddresses</c> → <c>EmailAddress</c>, <c>Proxies</c> → <c>Proxy</c>; other names stay (<c>Billing</c>, <c>M2M</c>).</summary>
    public static string Singular(string resource)
    {
        if (resource.EndsWith("ies", StringComparison.Ordinal) && resource.Length > 3) return resource[..^3] + "y";
        if (resource.EndsWith("sses", StringComparison.Ordinal) || resource.EndsWith("xes", StringComparison.Ordinal)) return resource[..^2];
        if (resource.EndsWith('s') && !resource.EndsWith("ss", StringComparison.Ordinal) && resource.Length > 1) return resource[..^1];
        return resource;
    }
}
