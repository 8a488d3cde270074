using Newtonsoft.Json.Linq;

namespace Clerk.Testing.Spec;

/// <summary>One parameter of an operation.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="In"><c>query</c>, <c>path</c> or <c>header</c>.</param>
/// <param name="Required">Whether it is required.</param>
/// <param name="Schema">Its schema, references resolved.</param>
internal sealed record SpecParameter(string Name, string In, bool Required, JObject Schema);
