using System;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Sdk.Tests.Conventions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Models;

/// <summary>Clerk's Unix-millisecond timestamps keep their wire type and get a <see cref="DateTimeOffset"/> view.</summary>
public class TimestampTests
{
    [Test]
    public void Timestamps_ReadAsDateTimeOffsets()
    {
        var user = JsonConvert.DeserializeObject<User>("""{ "id": "user_1", "created_at": 1716883200123, "last_sign_in_at": null }""")!;

        Assert.That(user.CreatedAt, Is.EqualTo(1716883200123));
        Assert.That(user.CreatedAtUtc, Is.EqualTo(new DateTimeOffset(2024, 5, 28, 8, 0, 0, 123, TimeSpan.Zero)));
        Assert.That(user.CreatedAtUtc.Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(user.LastSignInAtUtc, Is.Null);
    }

    [TestCase(long.MaxValue)]
    [TestCase(long.MinValue)]
    public void AnAbsurdTimestamp_IsClamped_NotAnException(long value)
    {
        var user = new User { CreatedAt = value };

        Assert.That(user.CreatedAtUtc, Is.EqualTo(value > 0 ? DateTimeOffset.MaxValue.ToUniversalTime() : DateTimeOffset.MinValue).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public void TheView_IsNotSent()
    {
        var json = JObject.Parse(JsonConvert.SerializeObject(new User { CreatedAt = 1 }));

        Assert.That(json.Properties().Select(p => p.Name), Does.Contain("created_at").And.No.Contain("created_at_utc").And.No.Contain("CreatedAtUtc"));
    }

    [Test]
    public void EveryMillisecondTimestamp_HasItsView()
    {
        // Every int64 property whose wire name ends in _at, in every generated model, has a ...Utc view.
        var missing = SdkReflection.VisibleTypes
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p, Wire: p.GetCustomAttributes(typeof(JsonPropertyAttribute), false).OfType<JsonPropertyAttribute>().FirstOrDefault()?.PropertyName)))
            .Where(x => x.Wire is { } wire && wire.EndsWith("_at", StringComparison.Ordinal) && (x.Property.PropertyType == typeof(long) || x.Property.PropertyType == typeof(long?)))
            // A timestamp whose spec says 0 means none (client_secret_expires_at) has a nullable view even for a required value.
            .Where(x => x.Type.GetProperty(x.Property.Name + "Utc") is not { } view || (view.PropertyType != typeof(DateTimeOffset?) && view.PropertyType != (x.Property.PropertyType == typeof(long) ? typeof(DateTimeOffset) : typeof(DateTimeOffset?))))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToArray();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void TheSecondsFields_AreExactlyThoseWhoseSpecSaysSeconds()
    {
        var path = RepoPaths.CodeGen("FrontendApi", "normalized");
        var spec = JObject.Parse(System.IO.File.ReadAllText(path));
        var seconds = spec.SelectTokens("$.components.schemas.*.properties.*")
            .OfType<JObject>()
            .Where(p => (string?)p["x-clerk-timestamp-unit"] == "seconds")
            .Select(p => ((JProperty)p.Parent!).Name)
            .Distinct()
            .Order(StringComparer.Ordinal);
        var backend = JObject.Parse(System.IO.File.ReadAllText(RepoPaths.NormalizedBackendApiSpec)).SelectTokens("$..x-clerk-timestamp-unit");

        Assert.That(seconds, Is.EqualTo(new[] { "client_id_issued_at", "client_secret_expires_at", "iat" }), "RFC 7591 registration times and the OAuth token info's iat");
        Assert.That(backend, Is.Empty, "every Backend API timestamp is in milliseconds");
    }

    [Test]
    public void SecondsFields_ReadAsSeconds_AndZeroMeansNeverExpires()
    {
        var registration = JsonConvert.DeserializeObject<Clerk.FrontendApi.OAuthDynamicClientRegistrationResponse>(
            """{"client_id":"c","client_id_issued_at":1700000000,"client_secret_expires_at":0}""")!;
        var expiring = JsonConvert.DeserializeObject<Clerk.FrontendApi.OAuthDynamicClientRegistrationResponse>(
            """{"client_id":"c","client_id_issued_at":1700000000,"client_secret_expires_at":1700003600}""")!;

        Assert.That(registration.ClientIdIssuedAtUtc, Is.EqualTo(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero)));
        Assert.That(registration.ClientSecretExpiresAtUtc, Is.Null, "0: the secret does not expire (RFC 7591)");
        Assert.That(expiring.ClientSecretExpiresAtUtc, Is.EqualTo(new DateTimeOffset(2023, 11, 14, 23, 13, 20, TimeSpan.Zero)));
    }

    [Test]
    public void AMillisecondTimestampNotNamedAt_GetsAViewToo()
    {
        var key = JsonConvert.DeserializeObject<ApiKey>("""{"object":"api_key","id":"ak_1","subject":"user_1","expiration":1700000000000}""")!;

        Assert.That(key.ExpirationUtc, Is.EqualTo(new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero)));
    }
}
