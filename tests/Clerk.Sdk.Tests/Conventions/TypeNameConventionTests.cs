using System;
using System.Linq;
using System.Reflection;
using Clerk.BackendApi;
using Newtonsoft.Json;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// One type per shape: the webhook payloads use the Backend API's models where the shapes agree, so a model name in
/// both Clerk.BackendApi and Clerk.Webhooks (namespaces a server imports together) is a different shape in each. The
/// Frontend API keeps its own types, so that a Frontend API user needs one namespace (its clients and options classes
/// have the Backend API's names); the count of its repeated names is printed.
/// </summary>
public class TypeNameConventionTests
{
    private static readonly string[] Namespaces = ["Clerk.BackendApi", "Clerk.FrontendApi", "Clerk.Webhooks"];

    [Test]
    public void ANameInTheBackendApiAndTheWebhooks_IsADifferentShapeInEach()
    {
        var all = typeof(User).Assembly.GetExportedTypes().Where(t => Namespaces.Contains(t.Namespace) && t.DeclaringType is null).ToList();
        var repeated = all.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var serverSide = repeated.Select(g => g.Where(t => t.Namespace is "Clerk.BackendApi" or "Clerk.Webhooks").ToList()).Where(g => g.Count > 1).ToList();

        TestContext.Out.WriteLine($"{all.Count} generated types; {repeated.Count} names in more than one namespace, {serverSide.Count} of them in both Clerk.BackendApi and Clerk.Webhooks: " +
            string.Join(", ", repeated.Select(g => $"{g.Key} ({string.Join("/", g.Select(t => t.Namespace![6..]))})")));
        foreach (var group in serverSide)
        {
            Assert.That(group.Select(Shape).Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(group.Count),
                $"{group[0].Name} has the same shape in {string.Join(" and ", group.Select(t => t.Namespace))}: it should be one type");
        }
        Assert.That(serverSide, Has.Count.LessThanOrEqualTo(5), "names in both Clerk.BackendApi and Clerk.Webhooks");
    }

    [Test]
    public void AWebhookPayloadThatIsABackendApiObject_IsTheBackendApiModel()
    {
        Assert.That(Clerk.Webhooks.ClerkWebhookEvent.DataTypeOf("user.created"), Is.EqualTo(typeof(User)));
        Assert.That(Clerk.Webhooks.ClerkWebhookEvent.DataTypeOf("organizationMembership.created"), Is.EqualTo(typeof(OrganizationMembership)));
        Assert.That(typeof(Clerk.Webhooks.SessionEventPayload).GetProperty("User")?.PropertyType, Is.EqualTo(typeof(User)), "a session event's user");
        Assert.That(Clerk.Webhooks.ClerkWebhookEvent.DataTypeOf("organization.created"), Is.EqualTo(typeof(Organization)));
        Assert.That(typeof(User).Assembly.GetType("Clerk.Webhooks.User"), Is.Null);
    }

    /// <summary>A model's JSON members with their types (an enum: its values), or an enum's values.</summary>
    private static string Shape(Type type)
    {
        if (type.IsValueType)
        {
            return string.Join(",", type.GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.Name).Order(StringComparer.Ordinal));
        }
        return string.Join(",", type.GetProperties()
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName, p.PropertyType))
            .Where(p => p.Name is not null)
            .Select(p => $"{p.Name}:{Describe(p.PropertyType)}")
            .Order(StringComparer.Ordinal));
    }

    private static string Describe(Type type)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        if (bare.IsGenericType) return $"{bare.Name}<{string.Join(",", bare.GetGenericArguments().Select(Describe))}>";
        return Namespaces.Contains(bare.Namespace) ? Shape(bare).GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture) : bare.Name;
    }
}
