using Clerk.Sdk.TestKit.Spec;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.SelfTests;

/// <summary>A small spec for the suite's own tests: a list with query parameters, a JSON body, a multipart upload and an apiKey-in-query security scheme.</summary>
internal static class TestSpecs
{
    public static ApiSpec Things() => ApiSpec.FromDocument(JObject.Parse("""
        {
          "openapi": "3.0.3",
          "servers": [ { "url": "https://api.clerk.com/v1" } ],
          "security": [ { "NativeApp": [], "NativeFlag": [] } ],
          "paths": {
            "/things": {
              "get": {
                "operationId": "Things_List",
                "parameters": [ { "$ref": "#/components/parameters/Limit" }, { "name": "user_id", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } } ],
                "responses": { "200": { "description": "OK" } }
              },
              "post": {
                "operationId": "Things_Create",
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
                "responses": { "200": { "description": "OK" }, "404": { "description": "Not found" } }
              }
            },
            "/things/{thing_id}/logo": {
              "put": {
                "operationId": "Things_UploadLogo",
                "security": [],
                "parameters": [ { "name": "thing_id", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^thg_\\w{27}$" } } ],
                "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "properties": { "file": { "type": "string", "format": "binary" } }, "required": ["file"] } } } },
                "responses": { "200": { "description": "OK" } }
              }
            }
          },
          "components": {
            "securitySchemes": {
              "NativeApp": { "type": "http", "scheme": "bearer" },
              "NativeFlag": { "type": "apiKey", "in": "query", "name": "_is_native" }
            },
            "parameters": { "Limit": { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 5 } } },
            "schemas": {
              "Thing": {
                "type": "object",
                "required": ["name", "owner"],
                "properties": {
                  "name": { "type": "string", "minLength": 10 },
                  "kind": { "type": "string", "enum": ["plain", "fancy"] },
                  "created_at": { "type": "string", "format": "date-time" },
                  "id": { "type": "string", "readOnly": true },
                  "owner": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string", "pattern": "^user_\\w{27}$" }, "nickname": { "type": "string" } } },
                  "public_metadata": { "type": "object", "additionalProperties": true },
                  "tags": { "type": "array", "maxItems": 3, "items": { "type": "string" } }
                }
              }
            }
          }
        }
        """));
}
