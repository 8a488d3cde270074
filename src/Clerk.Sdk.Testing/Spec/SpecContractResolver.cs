using System;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Clerk.Testing.Spec;

/// <summary>
/// Serializes the SDK's generated models as the spec's JSON: the models leave out nulls never assigned (right for
/// requests), but a property the spec requires is written even when null (<c>"username": null</c>), as Clerk does.
/// The generated models mark those properties (<c>Clerk.Serialization.ClerkRequired</c>, internal to Clerk.Sdk, so it
/// is found by name); a model with a merged shape (<c>ApiKey</c>) has no schema of its name in the spec, the mark is on
/// its properties all the same.
/// </summary>
internal sealed class SpecContractResolver : DefaultContractResolver
{
    private const string RequiredAttribute = "Clerk.Serialization.ClerkRequiredAttribute";

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.DeclaringType?.Namespace == "Clerk.BackendApi" && member.GetCustomAttributes(inherit: true).Any(a => a.GetType().FullName == RequiredAttribute))
        {
            property.NullValueHandling = NullValueHandling.Include;
            // A required property is written whether or not the fake assigned it (the model's ...Specified flag).
            property.GetIsSpecified = null;
        }
        return property;
    }
}
