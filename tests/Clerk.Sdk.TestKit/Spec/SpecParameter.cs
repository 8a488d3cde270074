using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.TestKit.Spec;

/// <summary>A resolved parameter: wire name, location, the C# parameter name (<c>x-originalName</c>) and its schema.</summary>
public sealed class SpecParameter(JObject parameter)
{
    public string Name { get; } = (string?)parameter["name"] ?? "";

    /// <summary><c>path</c>, <c>query</c>, <c>header</c>, <c>cookie</c> or (normalized multipart bodies) <c>formData</c>.</summary>
    public string In { get; } = (string?)parameter["in"] ?? "";

    public bool Required { get; } = (bool?)parameter["required"] == true;

    /// <summary>The C# parameter name NSwag used (the spec tool writes it in camelCase).</summary>
    public string ClrName { get; } = (string?)parameter["x-originalName"] ?? (string?)parameter["name"] ?? "";

    public JObject Schema { get; } = parameter["schema"] as JObject ?? new JObject();

    public override string ToString() => $"{In} {Name}";
}
