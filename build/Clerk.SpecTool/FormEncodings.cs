using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// For the mock document only: writes out OpenAPI's default encoding of an array field of an
/// <c>application/x-www-form-urlencoded</c> body (<c>style: form, explode: true</c>: one <c>domains=a&amp;domains=b</c>
/// pair per item, what the SDK sends and what Clerk's spec describes). Prism 5 applies only an encoding it is given and
/// otherwise reads a single <c>domains=a</c> as a string, which it then reports as "must be array". The spec is not
/// wrong, so this is not an overlay; the SDK's document does not need it. For the same reason an array field loses
/// <c>nullable</c>: a form cannot carry a null (a field is sent or left out), and Prism turns <c>nullable</c> into the
/// type <c>[array, null]</c>, which its form reader no longer recognises as an array.
/// </summary>
public static class FormEncodings
{
    private const string UrlEncoded = "application/x-www-form-urlencoded";

    public static int Apply(JObject document)
    {
        var count = 0;
        foreach (var (_, _, operation) in SpecDocument.Operations(document))
        {
            if (operation["requestBody"]?["content"]?[UrlEncoded] is not JObject form || form["schema"] is not JObject schema) continue;
            var actual = Json.Resolve(document, schema) ?? schema;
            if (actual["properties"] is not JObject properties) continue;
            foreach (var property in properties.Properties())
            {
                if (property.Value is not JObject propertySchema) continue;
                var resolved = Json.Resolve(document, propertySchema) ?? propertySchema;
                if (Json.Str(resolved, "type") != "array") continue;
                propertySchema.Remove("nullable");
                var encoding = form["encoding"] as JObject ?? (JObject)(form["encoding"] = new JObject());
                if (encoding[property.Name] is not null) continue;
                encoding[property.Name] = new JObject { ["style"] = "form", ["explode"] = true };
                count++;
            }
        }
        return count;
    }
}
