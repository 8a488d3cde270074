using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// NSwag spreads the fields of a <c>multipart/form-data</c> body into method parameters, but names each C# parameter
/// after the wire name (<c>uploader_user_id</c>, ignoring <c>x-originalName</c>), drops the body's <c>required</c> list
/// (a required file gets <c>= null</c>) and throws <c>ArgumentNullException</c> when an optional field is omitted.
/// So a body that is only a multipart form becomes explicit form parameters (<c>in: formData</c>, which NSwag reads in
/// OpenAPI 3 documents too): <see cref="ParameterNaming"/> then gives them camelCase names, <c>required</c> comes from the
/// schema, and optional fields are nullable (left out of the request when null). The wire names do not change.
/// </summary>
public static class FormParameters
{
    private static readonly string[] FormMediaTypes = ["multipart/form-data", "application/x-www-form-urlencoded"];

    public static int Apply(JObject document)
    {
        var count = 0;
        foreach (var (path, method, operation) in SpecNormalizer.Operations(document).ToList())
        {
            if (operation["requestBody"] is not JObject body || body["content"] is not JObject content) continue;
            // Only a body that is nothing but a form; a body that also accepts JSON stays a body.
            if (content.Count != 1 || FormMediaTypes.FirstOrDefault(m => content[m] is JObject) is not { } mediaType) continue;
            var form = (JObject)content[mediaType]!;
            if (form["schema"] is not JObject schema) continue;
            var actual = Json.Resolve(document, schema) ?? schema;
            if (actual["properties"] is not JObject properties || properties.Count == 0) continue;
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
                foreach (var key in new[] { "description", "deprecated", PropertyNaming.Extension }) parameterSchema.Remove(key);
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
            // NSwag picks FormUrlEncodedContent or MultipartFormDataContent from the operation's consumes.
            operation["consumes"] = new JArray(mediaType);
            count++;
        }
        return count;
    }
}
