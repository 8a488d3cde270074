using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Models;

/// <summary>
/// <see cref="ClerkClientOptionsBase.StrictResponses"/>: a response without a field the spec requires (or with a null the
/// spec does not allow) throws <see cref="ClerkMissingFieldException"/> naming the operation, model and property; off,
/// it reads as the type's default.
/// </summary>
public class StrictResponseTests
{
    [Test]
    public async Task Off_AMissingRequiredField_ReadsAsDefault()
    {
        using var clerk = Client("""{ "object": "user" }""", strict: false);
        var user = await clerk.Users.GetAsync("user_1");
        Assert.That(user.Id, Is.Null);
    }

    [Test]
    public async Task On_ACompleteResponse_Reads()
    {
        using var clerk = Client(RequiredJson.For(typeof(User)).ToString(), strict: true);
        var user = await clerk.Users.GetAsync("user_1");
        Assert.That(user.Id, Is.EqualTo("x"));
    }

    [Test]
    public void On_AMissingField_NamesOperationModelAndProperty()
    {
        var body = RequiredJson.For(typeof(User));
        body.Remove("id");
        using var clerk = Client(body.ToString(), strict: true);

        var ex = Assert.ThrowsAsync<ClerkMissingFieldException>(() => clerk.Users.GetAsync("user_1"))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Model, Is.EqualTo(typeof(User)));
            Assert.That(ex.PropertyName, Is.EqualTo("Id"));
            Assert.That(ex.JsonName, Is.EqualTo("id"));
            Assert.That(ex.JsonPath, Is.EqualTo(""));
            Assert.That(ex.WasNull, Is.False);
            Assert.That(ex.Operation, Does.StartWith("Users.Get GET /users/{user_id}"));
            Assert.That((int)ex.StatusCode, Is.EqualTo(200));
            Assert.That(ex.Message, Does.Contain("User lacks the required property 'id' (User.Id)"));
            Assert.That(ex, Is.InstanceOf<ClerkApiException>());
        });
    }

    [Test]
    public void On_ANullTheSpecDoesNotAllow_IsReported()
    {
        var body = RequiredJson.For(typeof(DeletedObject));
        body["deleted"] = null;
        using var clerk = Client(body.ToString(), strict: true, HttpMethod.Delete);

        var ex = Assert.ThrowsAsync<ClerkMissingFieldException>(() => clerk.Users.DeleteAsync("user_1"))!;

        Assert.That((ex.Model, ex.PropertyName, ex.WasNull), Is.EqualTo((typeof(DeletedObject), "Deleted", true)));
    }

    [Test]
    public async Task On_ARequiredNullableField_MayBeNull()
    {
        var body = RequiredJson.For(typeof(User));
        Assert.That(body["external_id"]!.Type, Is.EqualTo(JTokenType.Null), "external_id is required and nullable in the spec");
        using var clerk = Client(body.ToString(), strict: true);
        Assert.That((await clerk.Users.GetAsync("user_1")).ExternalId, Is.Null);
    }

    [TestCase(false, TestName = "On_ANestedModelInAList_IsFoundByItsPath(array)")]
    [TestCase(true, TestName = "On_ANestedModelInAList_IsFoundByItsPath(data envelope)")]
    public void On_ANestedModelInAList_IsFoundByItsPath(bool envelope)
    {
        var broken = RequiredJson.For(typeof(User));
        var email = RequiredJson.For(typeof(EmailAddress));
        email.Remove("email_address");
        broken["email_addresses"] = new JArray(email);
        var items = new JArray(RequiredJson.For(typeof(User)), broken);
        var body = envelope ? new JObject { ["data"] = items, ["total_count"] = 2 } : (JToken)items;
        using var clerk = Client(body.ToString(), strict: true, path: "users*");

        var ex = Assert.ThrowsAsync<ClerkMissingFieldException>(async () => await clerk.Users.ListAsync().GetPageAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Model, Is.EqualTo(typeof(EmailAddress)));
            Assert.That(ex.PropertyName, Is.EqualTo("EmailAddressValue"), ex.Message);
            Assert.That(ex.JsonName, Is.EqualTo("email_address"));
            Assert.That(ex.JsonPath, Is.EqualTo("[1].email_addresses[0]"));
            Assert.That(ex.Operation, Does.StartWith("Users.List"));
        });
    }

    [Test]
    public void TheBodyIsNotInTheMessage()
    {
        var body = RequiredJson.For(typeof(User));
        body.Remove("id");
        body["first_name"] = "Sensitive-Name";
        using var clerk = Client(body.ToString(), strict: true);

        var ex = Assert.ThrowsAsync<ClerkMissingFieldException>(() => clerk.Users.GetAsync("user_1"))!;

        Assert.That(ex.Message, Does.Not.Contain("Sensitive-Name"));
        Assert.That(ex.ToString(), Does.Not.Contain("Sensitive-Name"));
    }

    [Test]
    public void EveryRequiredPropertyIsMarked_AndARequiredNonNullablePropertyIsNotAnnotatedNullable()
    {
        // The model says what the spec says: required and not nullable => a non-nullable reference type (strict mode
        // makes it a guarantee); required and nullable => nullable, and marked so that strict mode allows null.
        var marked = 0;
        var context = new NullabilityInfoContext();
        foreach (var property in typeof(User).Assembly.GetTypes().Where(t => t.Namespace is "Clerk.BackendApi" or "Clerk.FrontendApi" or "Clerk.Webhooks")
                     .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            if (property.GetCustomAttribute<ClerkRequiredAttribute>() is not { } required) continue;
            marked++;
            var nullable = property.PropertyType.IsValueType ? Nullable.GetUnderlyingType(property.PropertyType) is not null : context.Create(property).ReadState == NullabilityState.Nullable;
            if (!required.AllowNull) Assert.That(nullable, Is.False, $"{property.DeclaringType!.Name}.{property.Name} is required, not nullable, but annotated nullable");
        }
        Assert.That(marked, Is.GreaterThan(2000));
        TestContext.Out.WriteLine($"{marked} required properties");
    }

    private static ClerkClient Client(string body, bool strict, HttpMethod? method = null, string path = "users/user_1")
    {
        var mock = new MockHttpMessageHandler();
        mock.When(method ?? HttpMethod.Get, "https://api.clerk.com/v1/" + path).Respond("application/json", body);
        return new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_abc", HttpMessageHandler = mock, StrictResponses = strict });
    }

    /// <summary>The smallest JSON a model accepts in strict mode: every required property, nullable ones null.</summary>
    private static class RequiredJson
    {
        public static JObject For(Type model, int depth = 0)
        {
            var json = new JObject();
            foreach (var property in model.GetProperties())
            {
                if (property.GetCustomAttribute<ClerkRequiredAttribute>() is not { } required) continue;
                var name = property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!;
                json[name] = required.AllowNull ? JValue.CreateNull() : Value(property.PropertyType, depth);
            }
            return json;
        }

        private static JToken Value(Type type, int depth)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(string) || type == typeof(object)) return "x";
            if (type == typeof(bool)) return true;
            if (type == typeof(long) || type == typeof(int) || type == typeof(double)) return 1;
            if (type == typeof(Metadata) || typeof(IDictionary).IsAssignableFrom(type) || type.Name.StartsWith("IDictionary", StringComparison.Ordinal)) return new JObject();
            if (type.IsValueType) return "x"; // an extensible enum
            if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)) return new JArray();
            return depth > 6 ? new JObject() : For(type, depth + 1);
        }
    }
}
