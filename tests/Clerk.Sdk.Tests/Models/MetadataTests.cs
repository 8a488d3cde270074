using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Models;

public class MetadataTests
{
    private sealed class Plan
    {
        [JsonProperty("plan")] public string? Name { get; set; }

        [JsonProperty("seats")] public int Seats { get; set; }
    }

    private const string UserJson = """
        { "id": "user_2xhFjEI5X2qWRvtV13BzSj8H6Dk", "object": "user",
          "public_metadata": { "plan": "pro", "seats": 5, "nested": { "a": [1, 2] } },
          "private_metadata": { "stripe_customer": "cus_123" },
          "unsafe_metadata": {} }
        """;

    [Test]
    public void MetadataIsReadableRawAndTyped()
    {
        var user = JsonConvert.DeserializeObject<User>(UserJson)!;

        Assert.That((string?)user.PublicMetadata["plan"], Is.EqualTo("pro"));
        Assert.That(user.PublicMetadata.ToJObject().SelectToken("nested.a[1]")!.Value<int>(), Is.EqualTo(2));
        var plan = user.GetPublicMetadata<Plan>()!;
        Assert.That(plan.Name, Is.EqualTo("pro"));
        Assert.That(plan.Seats, Is.EqualTo(5));
        Assert.That(user.GetPrivateMetadata<JObject>()!["stripe_customer"]!.ToString(), Is.EqualTo("cus_123"));
    }

    [Test]
    public void EveryModelWithMetadataOffersTypedAccess()
    {
        // Organizations, memberships, invitations, sign-ups: the spec tool marks every holder, not just User.
        Assert.That(typeof(IHasPublicMetadata).IsAssignableFrom(typeof(Organization)), Is.True);
        Assert.That(typeof(IHasPrivateMetadata).IsAssignableFrom(typeof(OrganizationMembership)), Is.True);
        Assert.That(typeof(IHasPublicMetadata).IsAssignableFrom(typeof(OrganizationInvitation)), Is.True);
        Assert.That(typeof(IHasUnsafeMetadata).IsAssignableFrom(typeof(SignUp)), Is.True);
    }

    [Test]
    public void MissingMetadataReadsAsDefault_AndAMisfitFailsClearly()
    {
        var user = JsonConvert.DeserializeObject<User>("""{ "id": "user_1", "public_metadata": { "seats": "many" } }""")!;
        Assert.That(user.GetUnsafeMetadata<Plan>(), Is.Null);
        var ex = Assert.Throws<ClerkException>(() => user.GetPublicMetadata<Plan>());
        Assert.That(ex!.Message, Does.Contain("Plan"));
    }

    [Test]
    public async Task ATypedObjectIsSentAsMetadata()
    {
        var mock = new MockHttpMessageHandler();
        string? sent = null;
        mock.Expect(HttpMethod.Patch, "https://api.clerk.com/v1/users/user_1/metadata")
            .With(request => { sent = request.Content!.ReadAsStringAsync().Result; return true; })
            .Respond("application/json", UserJson);
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_abc", HttpMessageHandler = mock });

        await clerk.Users.UpdateMetadataAsync("user_1", new UpdateUserMetadataRequest
        {
            PublicMetadata = Metadata.From(new Plan { Name = "team", Seats = 10 }),
            PrivateMetadata = Metadata.From(new { flags = new[] { "beta" } }),
        });

        mock.VerifyNoOutstandingExpectation();
        Assert.That(JToken.DeepEquals(JToken.Parse(sent!), JToken.Parse("""{ "public_metadata": { "plan": "team", "seats": 10 }, "private_metadata": { "flags": ["beta"] } }""")), Is.True, sent);
    }

    [Test]
    public void MetadataMustBeAnObject()
    {
        var error = Assert.Throws<System.ArgumentException>(() => Metadata.From(new[] { 1, 2 }))!;
        Assert.That((error.ParamName, error.Message), Is.EqualTo(("value", "Metadata must be a JSON object; Int32[] serializes to Array. (Parameter 'value')")));
        Assert.That(Assert.Throws<System.ArgumentNullException>(() => Metadata.From(null!))!.ParamName, Is.EqualTo("value"));
    }

    [Test]
    public void AJsonObject_IsCopied_AndAKeyCanBeSet()
    {
        var source = JObject.Parse("""{"plan":{"tier":"pro"}}""");
        var metadata = Metadata.From(source);
        source["plan"]!["tier"] = "free";
        metadata["seats"] = 6;
        Assert.That(metadata["plan"]!["tier"]!.Value<string>(), Is.EqualTo("pro"), "a copy, not the caller's object");
        Assert.That(metadata["seats"]!.Value<int>(), Is.EqualTo(6));
        Assert.That(metadata["missing"], Is.Null);
    }

    [Test]
    public async Task AKeySetToNull_IsSentAsJsonNull_SoTheMergeDeletesIt()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Patch, "https://api.clerk.com/v1/users/user_1/metadata")
            .With(request => JToken.DeepEquals(JObject.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult()), JObject.Parse("""{"public_metadata":{"seats":6,"plan":null}}""")))
            .Respond("application/json", """{"id":"user_1","object":"user","public_metadata":{"seats":6}}""");
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_abc", HttpMessageHandler = mock });
        var metadata = Metadata.From(new { seats = 6, region = "eu" });
        metadata["plan"] = null;
        Assert.That(metadata.Remove("region"), Is.True);

        var user = await clerk.Users.UpdateMetadataAsync("user_1", new UpdateUserMetadataRequest { PublicMetadata = metadata });

        mock.VerifyNoOutstandingExpectation();
        Assert.That(metadata["plan"]!.Type, Is.EqualTo(JTokenType.Null), "the key stays, holding null");
        Assert.That(metadata["region"], Is.Null, "a removed key is absent");
        Assert.That(user.PublicMetadata["seats"]!.Value<int>(), Is.EqualTo(6));
    }
}
