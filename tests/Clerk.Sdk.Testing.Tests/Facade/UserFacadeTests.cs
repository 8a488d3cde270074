using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Clerk.BackendApi;
using Clerk.Sdk.Testing.Tests.Backends;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Facade;

/// <summary>Users through the facade, on every backend.</summary>
[TestFixtureSource(typeof(ClerkBackends), nameof(ClerkBackends.All))]
public sealed class UserFacadeTests : FacadeTest
{
    public UserFacadeTests(string backend)
        : base(backend)
    {
    }

    [Test]
    public async Task Create_Get_Update_MergeMetadata_Delete()
    {
        var email = Backend.UniqueEmail("ada");
        var id = Canned.Id("user");
        Backend.Script(HttpMethod.Post, "/users", Canned.User(id, email, "Ada", "Lovelace").ToString());
        var created = await Clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = [email], FirstName = "Ada", LastName = "Lovelace", SkipPasswordRequirement = true });
        Backend.TrackUser(created.Id);
        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Does.Match("^user_[0-9A-Za-z]{27}$"));
            Assert.That(created.Object, Is.EqualTo("user"));
            Assert.That(created.EmailAddresses.Single().EmailAddressValue, Is.EqualTo(email));
            Assert.That(created.PrimaryEmailAddressId, Is.EqualTo(created.EmailAddresses[0].Id));
        });

        Backend.Script(HttpMethod.Get, "/users/" + created.Id, Canned.User(created.Id, email, "Ada", "Lovelace").ToString());
        var fetched = await Clerk.Users.GetAsync(created.Id);
        Assert.That(fetched.FirstName, Is.EqualTo("Ada"));

        Backend.Script(HttpMethod.Patch, "/users/" + created.Id, Canned.User(created.Id, email, "Augusta", "Lovelace").ToString());
        var updated = await Clerk.Users.UpdateAsync(created.Id, new UpdateUserRequest { FirstName = "Augusta" });
        Assert.That((updated.FirstName, updated.LastName), Is.EqualTo(("Augusta", "Lovelace")));

        Backend.Script(HttpMethod.Patch, "/users/" + created.Id + "/metadata", Canned.User(created.Id, email, "Augusta", "Lovelace", JObject.Parse("{\"plan\":\"pro\",\"seats\":3}")).ToString());
        await Clerk.Users.UpdateMetadataAsync(created.Id, new UpdateUserMetadataRequest { PublicMetadata = Metadata.From(new { plan = "free", seats = 3 }) });
        var merged = await ScriptedMerge(created.Id, email);
        Assert.That(merged.PublicMetadata.ToJObject(), Is.EqualTo(JObject.Parse("{\"plan\":\"pro\",\"seats\":3}")).Using<JToken>((a, b) => JToken.DeepEquals(a, b)));

        Backend.Script(HttpMethod.Delete, "/users/" + created.Id, Canned.Deleted("user", created.Id));
        var deleted = await Clerk.Users.DeleteAsync(created.Id);
        Assert.That((deleted.Id, deleted.Deleted, deleted.Object), Is.EqualTo((created.Id, true, "user")));
    }

    [Test]
    public async Task ListAll_PagesThroughEveryMatch()
    {
        var tag = "tag" + System.Guid.NewGuid().ToString("N")[..10];
        var users = new List<JObject>();
        for (var i = 0; i < 3; i++)
        {
            var email = Backend.UniqueEmail(tag + i);
            var canned = Canned.User(Canned.Id("user"), email, "Grace" + i, tag);
            users.Add(canned);
            Backend.Script(HttpMethod.Post, "/users", canned.ToString());
            var created = await Clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = [email], FirstName = "Grace" + i, LastName = tag, SkipPasswordRequirement = true });
            Backend.TrackUser(created.Id);
        }
        Backend.Script(HttpMethod.Get, "/users", Canned.Users(users[0], users[1]));
        Backend.Script(HttpMethod.Get, "/users", Canned.Users(users[2]));

        var seen = new List<User>();
        await foreach (var user in Clerk.Users.ListAsync(new UserListOptions { Query = tag, OrderBy = "+created_at" }).WithPageSize(2))
        {
            seen.Add(user);
        }

        Assert.That(seen.Select(u => u.FirstName), Is.EqualTo(new[] { "Grace0", "Grace1", "Grace2" }));
    }

    [Test]
    public void Get_MissingUser_ThrowsResourceNotFound()
    {
        const string missing = "user_2zzzzzzzzzzzzzzzzzzzzzzzzzz";
        Backend.Script(HttpMethod.Get, "/users/" + missing, Canned.Error("resource_not_found", "not found", "User not found"), HttpStatusCode.NotFound);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => Clerk.Users.GetAsync(missing));

        Assert.That((ex!.StatusCode, ex.Code), Is.EqualTo((HttpStatusCode.NotFound, "resource_not_found")));
    }

    [Test]
    public void Create_MalformedEmail_Throws422WithParamName()
    {
        Backend.Script(HttpMethod.Post, "/users", Canned.Error("form_param_format_invalid", "is invalid", "email_address must be a valid email address.", "email_address"), HttpStatusCode.UnprocessableEntity);

        var ex = Assert.ThrowsAsync<ClerkApiException>(() => Clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = ["not-an-email"], SkipPasswordRequirement = true }));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(ex.Code, Does.StartWith("form_"));
            Assert.That(ex.Errors[0].Meta?.ParamName, Is.EqualTo("email_address"));
        });
    }

    private async Task<User> ScriptedMerge(string id, string email)
    {
        Backend.Script(HttpMethod.Patch, "/users/" + id + "/metadata", Canned.User(id, email, "Augusta", "Lovelace", JObject.Parse("{\"plan\":\"pro\",\"seats\":3}")).ToString());
        return await Clerk.Users.UpdateMetadataAsync(id, new UpdateUserMetadataRequest { PublicMetadata = Metadata.From(new { plan = "pro" }) });
    }
}
