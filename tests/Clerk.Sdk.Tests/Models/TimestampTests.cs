using System;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Sdk.Tests.Conventions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

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
            .Where(x => x.Type.GetProperty(x.Property.Name + "Utc") is not { } view || view.PropertyType != (x.Property.PropertyType == typeof(long) ? typeof(DateTimeOffset) : typeof(DateTimeOffset?)))
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToArray();

        Assert.That(missing, Is.Empty);
    }
}
