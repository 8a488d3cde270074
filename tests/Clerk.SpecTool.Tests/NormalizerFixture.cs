using System.IO;
using Newtonsoft.Json.Linq;
using Clerk.Sdk.TestKit;

namespace Clerk.SpecTool.Tests;

/// <summary>Builds small specs around a schema and runs the whole normalizer on them.</summary>
internal static class NormalizerFixture
{
    /// <summary>A one-operation spec whose 200 response is <paramref name="responseSchema"/>, plus extra component schemas.</summary>
    public static JObject Spec(string responseSchema, string componentSchemas = "{}") => JObject.Parse($$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "t", "version": "1" },
          "paths": {
            "/things/{thing_id}": {
              "get": {
                "operationId": "GetThing", "x-speakeasy-group": "things", "x-speakeasy-name-override": "get",
                "parameters": [ { "name": "thing_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": {
                  "200": { "description": "OK", "content": { "application/json": { "schema": {{responseSchema}} } } },
                  "404": { "description": "Not found" }
                }
              }
            }
          },
          "components": { "schemas": {{componentSchemas}} }
        }
        """);

    public static JObject Normalize(JObject spec)
    {
        new SpecNormalizer(spec).Run();
        return spec;
    }

    public static JObject Schema(JObject spec, string name) => (JObject)spec["components"]!["schemas"]![name]!;

    public static JObject PinnedBackendApi()
    {
        var spec = YamlJson.Load(Path.Combine(RepoPaths.SpecRoot, "bapi", "2025-11-10.yml"));
        OverlayApplier.ApplyDirectory(spec, Path.Combine(RepoPaths.Root, "openapi", "overlays", "bapi"));
        return Normalize(spec);
    }
}
