using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Clerk.BackendApi;
using Clerk.Sdk.Tests.Conventions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Models;

/// <summary>
/// The SDK's models through System.Text.Json (what ASP.NET Core uses to write results and read bodies): they must come
/// out as Clerk's JSON (the same as Json.NET writes them) and read back, whatever the caller's options.
/// </summary>
public class SystemTextJsonTests
{
    private const string UserJson = """
        { "id": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "object": "user", "first_name": "Ada", "last_name": null,
          "created_at": 1716883200000, "banned": false,
          "public_metadata": { "plan": "pro", "seats": 5, "nested": { "a": [1, 2] } },
          "private_metadata": {}, "unsafe_metadata": {},
          "email_addresses": [ { "id": "idn_1", "object": "email_address", "email_address": "ada@example.com",
                                 "verification": { "status": "verified", "strategy": "email_code", "attempts": null, "expire_at": null },
                                 "linked_to": [], "reserved": false } ],
          "a_field_from_a_newer_api": { "x": 1 } }
        """;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Test]
    public void Model_IsWrittenAsClerksJson_NotAsDotNetProperties()
    {
        var user = JsonConvert.DeserializeObject<User>(UserJson)!;

        var written = JToken.Parse(System.Text.Json.JsonSerializer.Serialize(user, Web));

        Assert.That(JToken.DeepEquals(written, JToken.Parse(JsonConvert.SerializeObject(user))), Is.True, written.ToString());
        Assert.That((string?)written["first_name"], Is.EqualTo("Ada"));
        Assert.That((string?)written["public_metadata"]!["nested"]!["a"]![1], Is.EqualTo("2"), "metadata values kept");
        Assert.That((int?)written["a_field_from_a_newer_api"]!["x"], Is.EqualTo(1), "unknown fields written back in place");
        Assert.That((string?)written["email_addresses"]![0]!["verification"]!["status"], Is.EqualTo("verified"), "enums as strings");
        Assert.That(written["additionalProperties"], Is.Null);
        Assert.That(written["firstName"], Is.Null);
    }

    [Test]
    public void Model_ReadBySystemTextJson_EqualsJsonNetsReading()
    {
        var viaStj = System.Text.Json.JsonSerializer.Deserialize<User>(UserJson, Web)!;

        Assert.That(viaStj.FirstName, Is.EqualTo("Ada"));
        Assert.That(viaStj.CreatedAt, Is.EqualTo(1716883200000));
        Assert.That((int?)viaStj.PublicMetadata["seats"], Is.EqualTo(5));
        Assert.That(viaStj.EmailAddresses[0].Verification!.AdditionalProperties, Is.Not.Null);
        Assert.That(JToken.DeepEquals(JToken.FromObject(viaStj), JToken.FromObject(JsonConvert.DeserializeObject<User>(UserJson)!)), Is.True);
    }

    private sealed record MeResponse(User User, IReadOnlyList<SessionStatus> Statuses, SessionStatus? Current, Metadata Extra);

    [Test]
    public void ModelsNestedInTheCallersOwnTypes_KeepTheirWireFormat()
    {
        var me = new MeResponse(
            JsonConvert.DeserializeObject<User>(UserJson)!,
            [SessionStatus.Active, new SessionStatus("a_status_from_a_newer_api")],
            SessionStatus.Revoked,
            Metadata.From(new { tier = 2 }));

        var written = JToken.Parse(System.Text.Json.JsonSerializer.Serialize(me, Web));

        Assert.That((string?)written["user"]!["id"], Is.EqualTo("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"), "the caller's naming policy for the caller's type");
        Assert.That(written["statuses"]!.Values<string>(), Is.EqualTo(new[] { "active", "a_status_from_a_newer_api" }));
        Assert.That((string?)written["current"], Is.EqualTo("revoked"));
        Assert.That((int?)written["extra"]!["tier"], Is.EqualTo(2));

        var back = System.Text.Json.JsonSerializer.Deserialize<MeResponse>(written.ToString(), Web)!;
        Assert.That(back.Statuses[1].IsKnown, Is.False);
        Assert.That(back.Statuses[1].Value, Is.EqualTo("a_status_from_a_newer_api"));
        Assert.That(back.Current, Is.EqualTo(SessionStatus.Revoked));
        Assert.That((int?)back.Extra["tier"], Is.EqualTo(2));
        Assert.That(back.User.FirstName, Is.EqualTo("Ada"));
    }

    [Test]
    public void NullModel_IsWrittenAsNull()
    {
        Assert.That(System.Text.Json.JsonSerializer.Serialize<User?>(null, Web), Is.EqualTo("null"));
        Assert.That(System.Text.Json.JsonSerializer.Deserialize<User?>("null", Web), Is.Null);
    }

    [TestCase("[1, 2]")]
    [TestCase("\"a string\"")]
    [TestCase("{ \"skip_password_checks\": \"maybe\" }")]
    [TestCase("{ \"first_name\": ")]
    public void ValueThatIsNotTheModel_IsASystemTextJsonException(string json)
    {
        // ASP.NET Core answers a body that fails this way with 400, not 500.
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<CreateUserRequest>(json, Web));
    }

    [Test]
    public void EveryJsonNetModel_CarriesTheSystemTextJsonBridge()
    {
        // A type that Json.NET (de)serializes by attributes (a model with [JsonProperty] members or a Json.NET converter,
        // generated or handwritten) must come out the same way through System.Text.Json.
        var models = SdkReflection.VisibleTypes
            .Where(t => t.IsDefined(typeof(Newtonsoft.Json.JsonConverterAttribute), false)
                        || t.GetProperties().Any(p => p.IsDefined(typeof(JsonPropertyAttribute), false) || p.IsDefined(typeof(JsonExtensionDataAttribute), false)))
            .ToArray();
        var offenders = models
            .Where(t => !t.IsDefined(typeof(System.Text.Json.Serialization.JsonConverterAttribute), false))
            .Select(t => t.FullName)
            .ToArray();

        Assert.That(models, Has.Length.GreaterThan(800), "models found by reflection");
        Assert.That(offenders, Is.Empty);
    }
}
