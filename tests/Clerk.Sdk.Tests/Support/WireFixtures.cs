using Clerk.BackendApi;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Support;

/// <summary>
/// Realistic response bodies for the seed capabilities (shaped like the spec's Session and API key schemas, with
/// real-looking ids and millisecond timestamps beyond int32), and the field-by-field checks that go with them.
/// </summary>
internal static class WireFixtures
{
    public const string SessionId = "sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk";
    public const string OtherSessionId = "sess_2xhGq0m8TzYp3LwVb5NcRf1KjDs";
    public const string UserId = "user_2wGk1xQ3UbUVZ6zBLdvDWNJk1pr";
    public const string ClientId = "client_2xhFk0GbrDgd3w9Qhp5fWkmN4aJ";
    public const string OrganizationId = "org_2xhFm3p6LJeoB2KdCk0wSLsXQQs";
    public const string ActivityId = "sess_activity_2xhFjK8aBqL4nRcT0ZgPwE7uYvD";
    public const string Jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6Imluc18yeGhGIiwidHlwIjoiSldUIn0.eyJzaWQiOiJzZXNzXzJ4aEZqRUk1WDJxV1J2dFYxM0J6U2o4SDZEayIsInN1YiI6InVzZXJfMndHazF4UTNVYlVWWjZ6QkxkdkRXTkprMXByIn0.c2lnbmF0dXJl";

    public const long CreatedAt = 1731370000456L;
    public const long LastActiveAt = 1731456789123L;
    public const long ExpireAt = 1732060800456L;
    public const long AbandonAt = 1733975200456L;

    public const string ApiKeyId = "ak_3beecc9c60adb5f9b850e91a8ee1e992";
    public const string ApiKeySecret = "ak_live_9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a";
    public const string ApiKeySubject = "user_2wGk1xQ3UbUVZ6zBLdvDWNJk1pr";
    public const double ApiKeyCreatedAt = 1731370000456d;
    public const double ApiKeyUpdatedAt = 1731456789123d;
    public const double ApiKeyLastUsedAt = 1731460000789d;
    public const double ApiKeyExpiration = 1767225600000d;

    /// <summary>A Session object as Clerk returns it.</summary>
    public static string SessionJson(string id = SessionId, string status = "active") => $$"""
        {
          "object": "session",
          "id": "{{id}}",
          "user_id": "{{UserId}}",
          "client_id": "{{ClientId}}",
          "actor": { "sub": "user_2xhFq9ZbW4nR6tYp1LmKcVd8EsA", "iss": "https://dashboard.clerk.com" },
          "status": "{{status}}",
          "last_active_organization_id": "{{OrganizationId}}",
          "last_active_at": {{LastActiveAt}},
          "latest_activity": {
            "object": "session_activity",
            "id": "{{ActivityId}}",
            "device_type": "Macintosh",
            "is_mobile": false,
            "browser_name": "Chrome",
            "browser_version": "131.0.0.0",
            "ip_address": "203.0.113.42",
            "city": "Berlin",
            "country": "DE"
          },
          "expire_at": {{ExpireAt}},
          "abandon_at": {{AbandonAt}},
          "updated_at": {{LastActiveAt}},
          "created_at": {{CreatedAt}},
          "tasks": [ { "key": "choose-organization" } ]
        }
        """;

    /// <summary>Checks every field of <see cref="SessionJson"/> on the typed result.</summary>
    public static void AssertSession(Session? session, string id = SessionId, string status = "active")
    {
        Assert.That(session, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(session!.Object, Is.EqualTo("session"));
            Assert.That(session.Id, Is.EqualTo(id));
            Assert.That(session.UserId, Is.EqualTo(UserId));
            Assert.That(session.ClientId, Is.EqualTo(ClientId));
            Assert.That(session.Actor, Is.InstanceOf<JObject>());
            Assert.That((string?)((JObject)session.Actor!)["sub"], Is.EqualTo("user_2xhFq9ZbW4nR6tYp1LmKcVd8EsA"));
            Assert.That(session.Status, Is.EqualTo(new SessionStatus(status)));
            Assert.That(session.Status.IsKnown, Is.True);
            Assert.That(session.LastActiveOrganizationId, Is.EqualTo(OrganizationId));
            Assert.That(session.LastActiveAt, Is.EqualTo(LastActiveAt));
            Assert.That(session.ExpireAt, Is.EqualTo(ExpireAt));
            Assert.That(session.AbandonAt, Is.EqualTo(AbandonAt));
            Assert.That(session.UpdatedAt, Is.EqualTo(LastActiveAt));
            Assert.That(session.CreatedAt, Is.EqualTo(CreatedAt));
            Assert.That(session.Tasks, Has.Count.EqualTo(1));
            Assert.That(session.Tasks![0].Key, Is.EqualTo("choose-organization"));
            Assert.That(session.AdditionalProperties, Is.Empty);

            var activity = session.LatestActivity;
            Assert.That(activity, Is.Not.Null);
            Assert.That(activity!.Object, Is.EqualTo("session_activity"));
            Assert.That(activity.Id, Is.EqualTo(ActivityId));
            Assert.That(activity.DeviceType, Is.EqualTo("Macintosh"));
            Assert.That(activity.IsMobile, Is.False);
            Assert.That(activity.BrowserName, Is.EqualTo("Chrome"));
            Assert.That(activity.BrowserVersion, Is.EqualTo("131.0.0.0"));
            Assert.That(activity.IpAddress, Is.EqualTo("203.0.113.42"));
            Assert.That(activity.City, Is.EqualTo("Berlin"));
            Assert.That(activity.Country, Is.EqualTo("DE"));
        }
    }

    /// <summary>
    /// An API key object as Clerk returns it (create, get, update, revoke, verify and list items share the shape;
    /// only create includes the secret).
    /// </summary>
    public static string ApiKeyJson(bool revoked = false, string? revocationReason = null, bool withSecret = false, string description = "Used by the billing worker", string[]? scopes = null)
    {
        var key = new JObject
        {
            ["object"] = "api_key",
            ["id"] = ApiKeyId,
            ["type"] = "api_key",
            ["subject"] = ApiKeySubject,
            ["name"] = "billing-service",
            ["description"] = description,
            ["claims"] = new JObject { ["tier"] = "gold", ["region"] = "eu-west-1" },
            ["scopes"] = new JArray(scopes ?? ["invoices:read", "invoices:write"]),
            ["revoked"] = revoked,
            ["revocation_reason"] = revocationReason is null ? JValue.CreateNull() : revocationReason,
            ["expired"] = false,
            ["expiration"] = 1767225600000L,
            ["created_by"] = UserId,
            ["last_used_at"] = 1731460000789L,
            ["created_at"] = 1731370000456L,
            ["updated_at"] = 1731456789123L,
        };
        if (withSecret)
        {
            key["secret"] = ApiKeySecret;
        }
        return key.ToString(Formatting.Indented);
    }

    /// <summary>
    /// Checks every field of <see cref="ApiKeyJson"/> on a typed result. The spec inlines the API key object in each
    /// operation, so each operation has its own generated type with the same properties; <c>dynamic</c> reads the
    /// typed properties by name (a renamed or missing property fails the test).
    /// </summary>
    public static void AssertApiKey(dynamic key, bool revoked = false, string? revocationReason = null, string description = "Used by the billing worker", string[]? scopes = null)
    {
        Assert.That((object?)key, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string)key.Object, Is.EqualTo("api_key"));
            Assert.That((string)key.Id, Is.EqualTo(ApiKeyId));
            Assert.That((string)key.Type, Is.EqualTo("api_key"));
            Assert.That((string)key.Subject, Is.EqualTo(ApiKeySubject));
            Assert.That((string)key.Name, Is.EqualTo("billing-service"));
            Assert.That((string?)key.Description, Is.EqualTo(description));
            Assert.That((object?)key.Claims, Is.InstanceOf<JObject>());
            Assert.That((string?)((JObject)key.Claims)["tier"], Is.EqualTo("gold"));
            Assert.That((string?)((JObject)key.Claims)["region"], Is.EqualTo("eu-west-1"));
            Assert.That((System.Collections.Generic.IList<string>)key.Scopes, Is.EqualTo(scopes ?? ["invoices:read", "invoices:write"]));
            Assert.That((bool)key.Revoked, Is.EqualTo(revoked));
            Assert.That((string?)key.RevocationReason, Is.EqualTo(revocationReason));
            Assert.That((bool)key.Expired, Is.False);
            Assert.That((double?)key.Expiration, Is.EqualTo(ApiKeyExpiration));
            Assert.That((string?)key.CreatedBy, Is.EqualTo(UserId));
            Assert.That((double?)key.LastUsedAt, Is.EqualTo(ApiKeyLastUsedAt));
            Assert.That((double)key.CreatedAt, Is.EqualTo(ApiKeyCreatedAt));
            Assert.That((double)key.UpdatedAt, Is.EqualTo(ApiKeyUpdatedAt));
            Assert.That((System.Collections.Generic.IDictionary<string, JToken>)key.AdditionalProperties, Is.Empty);
        }
    }
}
