using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.BackendApi;
using Clerk.Testing.Errors;
using Clerk.Testing.Hosting;
using Clerk.Testing.Spec;
using Clerk.Testing.Store;

namespace Clerk.Testing.Resources.ApiKeys;

/// <summary>
/// API keys' routes (Clerk's rules they apply are in <see cref="ApiKeyRules"/>): create (the secret is returned once),
/// list by subject, get, update, revoke, delete, get secret, verify.
/// Verification answers 404 for an unknown secret and reports revoked or expired keys in the body, which is what
/// <see cref="Clerk.Authentication.ClerkTokenVerifier"/> reads.
/// </summary>
internal static class ApiKeyRoutes
{
    public static void Map(FakeRoutes routes)
    {
        routes.Map(ClerkOperations.ApiKeys_Create, Create);
        routes.Map(ClerkOperations.ApiKeys_List, List);
        routes.Map(ClerkOperations.ApiKeys_Get, call => Current(call).Record);
        routes.Map(ClerkOperations.ApiKeys_Update, Update);
        routes.Map(ClerkOperations.ApiKeys_Revoke, Revoke);
        routes.Map(ClerkOperations.ApiKeys_Delete, Delete);
        routes.Map(ClerkOperations.ApiKeys_GetSecret, call => new GetApiKeySecretResponse { Secret = Current(call).Secret });
        routes.Map(ClerkOperations.ApiKeys_Verify, Verify);
    }

    private static CreateApiKeyResponse Create(FakeCall call)
    {
        var request = call.BodyAs<CreateApiKeyRequest>();
        var now = call.Now;
        var record = new ApiKey
        {
            Object = "api_key",
            Id = ClerkIds.NewApiKeyId(),
            Type = request.Type ?? "api_key",
            Subject = request.Subject,
            Name = request.Name,
            Description = request.Description,
            Claims = request.Claims,
            Scopes = request.Scopes?.ToList() ?? [],
            Revoked = false,
            Expired = false,
            Expiration = ApiKeyRules.ExpirationFrom(request.SecondsUntilExpiration, now),
            CreatedBy = request.CreatedBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var key = new FakeApiKey(record, ClerkIds.NewApiKeySecret());
        call.Store.ApiKeys[record.Id] = key;
        call.Store.Created(record.Id);
        var response = SpecJson.Convert<CreateApiKeyResponse>(record);
        response.Secret = key.Secret;
        return response;
    }

    private static GetApiKeysResponse List(FakeCall call)
    {
        var subject = call.Query("subject");
        var type = call.Query("type") ?? "api_key";
        var includeInvalid = call.Query("include_invalid") == "true";
        var query = call.Query("query");
        var keys = call.Store.ApiKeys.Values.Select(k => ApiKeyRules.Refresh(k, call.Now).Record)
            .Where(r => ApiKeyRules.Lists(r, subject, type, includeInvalid, query))
            .OrderByDescending(r => call.Store.OrderOf(r.Id))
            .ToList();
        return new GetApiKeysResponse
        {
            Data = Page.Of(keys, call).Select(SpecJson.Convert<ApiKey>).ToList(),
            TotalCount = keys.Count,
        };
    }

    private static ApiKey Update(FakeCall call)
    {
        var record = Current(call).Record;
        var request = call.BodyAs<UpdateApiKeyRequest>();
        if (call.Has("claims"))
        {
            record.Claims = request.Claims;
        }
        if (request.Scopes is not null)
        {
            record.Scopes = request.Scopes.ToList();
        }
        if (call.Has("description"))
        {
            record.Description = request.Description;
        }
        if (request.Subject is not null)
        {
            record.Subject = request.Subject;
        }
        if (call.Has("seconds_until_expiration"))
        {
            record.Expiration = ApiKeyRules.ExpirationFrom(request.SecondsUntilExpiration, call.Now);
            record.Expired = false;
        }
        record.UpdatedAt = call.Now;
        return SpecJson.Convert<ApiKey>(record);
    }

    private static ApiKey Revoke(FakeCall call)
    {
        var record = Current(call).Record;
        ApiKeyRules.Revoke(record, call.BodyAs<RevokeApiKeyRequest>().RevocationReason, call.Now);
        return SpecJson.Convert<ApiKey>(record);
    }

    private static DeleteApiKeyResponse Delete(FakeCall call)
    {
        var key = Current(call);
        call.Store.ApiKeys.Remove(key.Record.Id);
        return new DeleteApiKeyResponse { Id = key.Record.Id, Object = "api_key", Deleted = true };
    }

    private static ApiKey Verify(FakeCall call)
    {
        var secret = call.BodyAs<VerifyApiKeyRequest>().Secret;
        var key = call.Store.ApiKeys.Values.FirstOrDefault(k => k.Secret == secret) ?? throw Faults.NotFound("API key");
        var record = ApiKeyRules.Refresh(key, call.Now).Record;
        ApiKeyRules.RecordUse(record, call.Now);
        return SpecJson.Convert<ApiKey>(record);
    }

    private static FakeApiKey Current(FakeCall call) => ApiKeyRules.Refresh(call.Store.ApiKey(call.Path("apiKeyID")), call.Now);
}
