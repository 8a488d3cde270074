using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.SpecTool.Tests;

/// <summary>
/// What the Frontend API needed from the normalizer (found by the conformance suite): urlencoded forms as form
/// parameters whose media type reaches the operation table, uploads with a raw-bytes alternative as forms, credentials and redirects per operation, URLs as
/// strings; and, in the mock document only, urlencoded arrays Prism can read.
/// </summary>
public class OperationMarksTests
{
    private static JObject Spec() => JObject.Parse("""
        {
          "openapi": "3.0.3",
          "info": { "title": "t", "version": "1" },
          "security": [ {}, { "Cookie": [] }, { "Native": [], "NativeFlag": [] } ],
          "paths": {
            "/v1/client/sign_ins": {
              "post": {
                "operationId": "createSignIn", "x-speakeasy-group": "signIns", "x-speakeasy-name-override": "create",
                "requestBody": { "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object", "required": ["identifier"], "properties": {
                  "identifier": { "type": "string" },
                  "domains": { "type": "array", "nullable": true, "items": { "type": "string" } },
                  "redirect_url": { "type": "string", "format": "uri" } } } } } },
                "responses": { "200": { "description": "OK" }, "307": { "description": "Redirect" } }
              }
            },
            "/v1/me/profile_image": {
              "post": {
                "operationId": "uploadImage", "x-speakeasy-group": "user", "x-speakeasy-name-override": "uploadImage",
                "requestBody": { "required": true, "content": {
                  "multipart/form-data": { "schema": { "type": "object", "required": ["file"], "properties": { "file": { "type": "string", "format": "binary" } } } },
                  "application/octet-stream": { "schema": { "format": "base64" } } } },
                "responses": { "200": { "description": "OK" } }
              }
            },
            "/v1/client/sync": {
              "get": {
                "operationId": "syncClient", "x-speakeasy-group": "client", "x-speakeasy-name-override": "sync",
                "responses": { "307": { "description": "Redirect" }, "400": { "description": "Bad" } }
              }
            },
            "/.well-known/jwks.json": {
              "get": { "operationId": "getJwks", "x-speakeasy-group": "wellKnown", "x-speakeasy-name-override": "getJwks", "security": [], "responses": { "200": { "description": "OK" } } }
            },
            "/oauth/token/revoke": {
              "post": { "operationId": "revoke", "x-speakeasy-group": "oauth", "x-speakeasy-name-override": "revoke", "security": [ { "ClientCredentials": [] } ], "responses": { "200": { "description": "OK" } } }
            },
            "/v1/environment": {
              "get": { "operationId": "getEnvironment", "x-speakeasy-group": "environment", "x-speakeasy-name-override": "get", "security": [ {}, { "Cookie": [] } ], "responses": { "200": { "description": "OK" } } }
            }
          },
          "components": {
            "schemas": {},
            "securitySchemes": {
              "Cookie": { "type": "apiKey", "in": "cookie", "name": "__client" },
              "Native": { "type": "http", "scheme": "bearer" },
              "NativeFlag": { "type": "apiKey", "in": "query", "name": "_is_native" },
              "ClientCredentials": { "type": "http", "scheme": "basic" }
            }
          }
        }
        """);

    private static JObject Normalized()
    {
        var spec = Spec();
        new SpecNormalizer(spec).Run();
        return spec;
    }

    private static JObject Mock()
    {
        var normalizer = new SpecNormalizer(Spec(), withMock: true);
        normalizer.Run();
        return normalizer.Mock!;
    }

    [Test]
    public void AUrlEncodedForm_BecomesFormParameters_MarkedUrlEncoded()
    {
        var operation = (JObject)Normalized().SelectToken("$.paths['/v1/client/sign_ins'].post")!;

        Assert.That(operation["requestBody"], Is.Null);
        Assert.That(operation["consumes"]!.Values<string>(), Is.EqualTo(new[] { "application/x-www-form-urlencoded" }));
        Assert.That(operation.SelectTokens("parameters[*]").Select(p => $"{p["in"]} {p["name"]} {p["required"]}"),
            Is.EqualTo(new[] { "formData identifier True", "formData domains False", "formData redirect_url False" }));
    }

    [Test]
    public void AnUploadAlsoOfferedAsRawBytes_BecomesAFormToo()
    {
        var operation = (JObject)Normalized().SelectToken("$.paths['/v1/me/profile_image'].post")!;

        Assert.That(operation["requestBody"], Is.Null);
        Assert.That(operation["consumes"]!.Values<string>(), Is.EqualTo(new[] { "multipart/form-data" }));
        Assert.That(operation.SelectTokens("parameters[*]").Select(p => $"{p["name"]} {p["required"]}"), Is.EqualTo(new[] { "file True" }));
    }

    [TestCase("/v1/client/sign_ins", "post", "anonymous bearer")]
    [TestCase("/.well-known/jwks.json", "get", "none")]
    [TestCase("/oauth/token/revoke", "post", "basic")]
    [TestCase("/v1/environment", "get", "anonymous")]
    public void Credentials_FollowTheOperationsSecurity_ElseTheDocuments(string path, string method, string expected)
    {
        var operation = Normalized().SelectToken($"$.paths['{path}'].{method}")!;
        Assert.That((string?)operation[SpecExtensions.Credentials], Is.EqualTo(expected));
    }

    [Test]
    public void OnlyAnOperationWithoutA2xx_IsARedirect()
    {
        var spec = Normalized();
        Assert.That((bool?)spec.SelectToken("$.paths['/v1/client/sync'].get")![SpecExtensions.Redirect], Is.True);
        Assert.That(spec.SelectToken("$.paths['/v1/client/sign_ins'].post")![SpecExtensions.Redirect], Is.Null, "200 or 307: the 307 stays an error");
    }

    [Test]
    public void ARedirectOperation_ReturnsTheHandwrittenClerkRedirect_InTheSdksDocumentOnly()
    {
        var spec = Normalized();
        var result = spec.SelectToken("$.paths['/v1/client/sync'].get.responses")!;
        Assert.That(((JObject)result).Properties().Select(p => p.Name), Is.EqualTo(new[] { "200" }), "the 3xx and errors are gone, a 200 added");
        Assert.That((string?)result.SelectToken("['200'].content['application/json'].schema.$ref"), Is.EqualTo("#/components/schemas/" + OperationMarks.RedirectSchema));
        Assert.That(spec.SelectToken("$.components.schemas." + OperationMarks.RedirectSchema), Is.Not.Null);
        Assert.That(spec.SelectToken("$.paths['/v1/client/sign_ins'].post.responses['200'].content"), Is.Null, "not a redirect operation");

        var mock = Mock();
        Assert.That(((JObject)mock.SelectToken("$.paths['/v1/client/sync'].get.responses")!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "307", "400" }));
        Assert.That(mock.SelectToken("$.components.schemas." + OperationMarks.RedirectSchema), Is.Null);
    }

    [Test]
    public void TheOperationDescriptors_CarryCredentials_MediaTypes_AndResultKinds()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"operations-{System.Guid.NewGuid():N}.g.cs");
        try
        {
            OperationTableWriter.Write(ApiModel.From(Normalized()), "Clerk.Test", file);
            var text = System.IO.File.ReadAllText(file);
            const string Kind = "global::Clerk.Http.ClerkResultKind.";
            Assert.That(text, Does.Contain("\"POST\", \"/v1/client/sign_ins\", \"anonymous bearer\", \"application/x-www-form-urlencoded\", null, " + Kind + "None, false));"));
            Assert.That(text, Does.Contain("\"POST\", \"/v1/me/profile_image\", \"anonymous bearer\", \"multipart/form-data\", null, " + Kind + "None, false));"));
            Assert.That(text, Does.Contain("\"GET\", \"/v1/client/sync\", \"anonymous bearer\", null, \"application/json\", " + Kind + "Redirect, false));"));
            Assert.That(text, Does.Contain("\"GET\", \"/.well-known/jwks.json\", \"none\", null, null, " + Kind + "None, false));"));
            Assert.That(text, Does.Contain("\"POST\", \"/oauth/token/revoke\", \"basic\", null, null, " + Kind + "None, false));"));
            Assert.That(text, Does.Contain("internal static global::Clerk.Http.ClerkOperation[] All =>"), "the list of every descriptor");
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }

    [Test]
    public void AUrlFormat_StaysAString_InTheSdksDocumentOnly()
    {
        var parameter = Normalized().SelectToken("$.paths['/v1/client/sign_ins'].post.parameters[?(@.name == 'redirect_url')].schema")!;
        Assert.That(parameter["format"], Is.Null);
        Assert.That((string?)parameter[SpecExtensions.Format], Is.EqualTo("uri"));
        Assert.That((string?)Mock().SelectToken("$.paths['/v1/client/sign_ins'].post.requestBody.content['application/x-www-form-urlencoded'].schema.properties.redirect_url.format"), Is.EqualTo("uri"));
    }

    [Test]
    public void TheMockDocument_WritesOutTheDefaultEncodingOfAUrlEncodedArray()
    {
        var form = Mock().SelectToken("$.paths['/v1/client/sign_ins'].post.requestBody.content['application/x-www-form-urlencoded']")!;
        Assert.That(form["encoding"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"domains":{"style":"form","explode":true}}"""));
        Assert.That(form.SelectToken("schema.properties.domains.nullable"), Is.Null, "a form cannot carry null; Prism would not read [array, null] as an array");
    }
}
