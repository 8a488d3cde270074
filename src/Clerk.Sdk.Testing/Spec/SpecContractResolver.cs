using System;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Clerk.Testing.Spec;

/// <summary>
/// Serializes the SDK's generated models as the spec's JSON: the models leave out nulls never assigned (right for
/// requests), but a property the spec requires is written even when null (<c>"username": null</c>), as Clerk does.
/// </summary>
internal sealed class SpecContractResolver : DefaultContractResolver
{
    private readonly SpecDocument _spec;

    public SpecContractResolver(SpecDocument spec)
    {
        _spec = spec;
    }

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        var declaring = property.DeclaringType;
        if (declaring?.Namespace == "Clerk.BackendApi" && property.PropertyName is not null && IsRequired(declaring, property.PropertyName))
        {
            property.NullValueHandling = NullValueHandling.Include;
            // A required property is written whether or not the fake assigned it (the model's ...Specified flag).
            property.GetIsSpecified = null;
        }
        return property;
    }

    private bool IsRequired(Type type, string wireName)
    {
        // A derived model (InvitationRevoked : Invitation) requires what its own schema requires, allOf included.
        for (var current = type; current is not null && current.Namespace == "Clerk.BackendApi"; current = current.BaseType)
        {
            if (_spec.RequiredProperties(current.Name).Contains(wireName))
            {
                return true;
            }
        }
        return false;
    }
}
