using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Clerk.Testing.Spec;

/// <summary>One operation of the spec: id, method, path template, parameters and JSON body schema.</summary>
/// <param name="Id">The operation id (<c>Users_Get</c>).</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template under <c>/v1</c> (<c>/users/{user_id}</c>).</param>
/// <param name="Parameters">The parameters, references resolved.</param>
/// <param name="Body">The JSON body schema (resolved), or null.</param>
/// <param name="BodyRequired">Whether the body is required.</param>
/// <param name="Statuses">The response statuses the spec declares.</param>
internal sealed record SpecOperation(string Id, string Method, string Path, IReadOnlyList<SpecParameter> Parameters, JObject? Body, bool BodyRequired, IReadOnlySet<int> Statuses)
{
    /// <summary>The status of a request the spec checks reject: 422 as most of Clerk, 400 where the operation declares only that (API keys).</summary>
    public int InvalidRequestStatus => !Statuses.Contains(422) && Statuses.Contains(400) ? 400 : 422;

    /// <summary>The SDK's name of the operation (<c>Users.Get</c>).</summary>
    public string DisplayName => Id.Replace('_', '.');
}
