using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// NSwag spreads the fields of a <c>multipart/form-data</c> body into method parameters (an
/// <c>application/x-www-form-urlencoded</c> body stays one model, flattened through a string dictionary that cannot
/// hold arrays), but names each C# parameter after the wire name (<c>uploader_user_id</c>, ignoring
/// <c>x-originalName</c>), drops the body's <c>required</c> list (a required file gets <c>= null</c>) and throws
/// <c>ArgumentNullException</c> when an optional field is omitted. So a body that is only a form (multipart or
/// urlencoded) becomes explicit form parameters (<c>in: formData</c>, which NSwag reads in OpenAPI 3 documents too):
/// <see cref="ParameterNaming"/> then gives them camelCase names, <c>required</c> comes from the schema, and optional
/// fields are nullable (left out of the request when null). The wire names do not change. NSwag ignores
/// <c>consumes</c> in an OpenAPI 3 document and builds every form as <c>multipart/form-data</c>; the operation table
/// (<see cref="OperationTableWriter"/>) carries the media type, and the SDK's request hook sends a urlencoded one as such.
/// </summary>
public static class FormParameters
{
    private const string UrlEncoded = "application/x-www-form-urlencoded";

    private const string Multipart = "multipart/form-data";

    private static readonly string[] FormMediaTypes = [Multipart, UrlEncoded];

    public static int Apply(JObject document)
    {
        var count = 0;
        foreach (var (path, method, operation) in SpecDocument.Operations(document).ToList())
        {
            if (operation["requestBody"] is not JObject body || body["content"] is not JObject content) continue;
            // Only a body that is nothing but a form, or a multipart upload that also accepts the raw bytes
            // (application/octet-stream: the SDK sends the form, which carries the file name and type); a body that
            // also accepts JSON stays a body.
            if (FormMediaTypes.FirstOrDefault(m => content[m] is JObject) is not { } mediaType) continue;
            if (content.Properties().Any(p => p.Name != mediaType && !(mediaType == Multipart && IsRawBytes(p.Name)))) continue;
            var form = (JObject)content[mediaType]!;
            if (form["schema"] is not JObject schema) continue;
            var actual = Json.Resolve(document, schema) ?? schema;
            // A form that declares no fields (POST /v1/client: an object with additionalProperties: false) is an empty
            // form: the method takes no body parameter, and the SDK sends the empty form (NSwag would otherwise offer an
            // `object body` it cannot encode, and throw on null).
            var properties = actual["properties"] as JObject ?? new JObject();
            if (actual["allOf"] is not null || actual["oneOf"] is not null || actual["anyOf"] is not null)
            {
                throw new SpecToolException($"{method.ToUpperInvariant()} {path}: a multipart form schema with allOf/oneOf/anyOf is not supported; flatten it in an overlay");
            }

            var required = (Json.Arr(actual, "required") ?? new JArray()).Select(r => (string?)r).ToHashSet();
            var parameters = Json.Arr(operation, "parameters") ?? (JArray)(operation["parameters"] = new JArray());
            foreach (var field in properties.Properties())
            {
                if (field.Value is not JObject fieldSchema) continue;
                var isRequired = required.Contains(field.Name);
                var parameterSchema = (JObject)fieldSchema.DeepClone();
                var description = Json.Str(parameterSchema, "description");
                var deprecated = parameterSchema.Value<bool?>("deprecated") == true;
                foreach (var key in new[] { "description", "deprecated", SpecExtensions.Name }) parameterSchema.Remove(key);
                if (!isRequired) parameterSchema["nullable"] = true;

                var parameter = new JObject
                {
                    ["name"] = field.Name,
                    ["in"] = "formData",
                    ["required"] = isRequired,
                };
                if (description is not null) parameter["description"] = description;
                if (deprecated) parameter["deprecated"] = true;
                parameter["schema"] = parameterSchema;
                parameters.Add(parameter);
            }
            operation.Remove("requestBody");
            // Read by OperationTableWriter (NSwag itself ignores consumes in an OpenAPI 3 document).
            operation["consumes"] = new JArray(mediaType);
            count++;
        }
        return count;
    }

    /// <summary>Whether a media type of a body is the raw bytes of an upload (its schema does not matter: Clerk writes <c>format: base64</c>).</summary>
    private static bool IsRawBytes(string mediaType) => mediaType == "application/octet-stream";
}
