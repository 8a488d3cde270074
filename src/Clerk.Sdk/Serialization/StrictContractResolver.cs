using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Clerk.Serialization;

/// <summary>
/// Json.NET contracts for strict reading (<see cref="ClerkClientOptionsBase.StrictResponses"/>): a property marked
/// <see cref="ClerkRequiredAttribute"/> is <see cref="Required.Always"/> (present and not null), or
/// <see cref="Required.AllowNull"/> where the spec declares it nullable.
/// </summary>
internal sealed class StrictContractResolver : DefaultContractResolver
{
    /// <summary>The one instance: Json.NET caches contracts per resolver.</summary>
    public static readonly StrictContractResolver Instance = new();

    /// <summary>Strict settings for reading response bodies.</summary>
    public static readonly JsonSerializerSettings Settings = new() { ContractResolver = Instance };

    /// <inheritdoc />
    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (member.GetCustomAttribute<ClerkRequiredAttribute>() is { } required)
        {
            property.Required = required.AllowNull ? Required.AllowNull : Required.Always;
        }
        return property;
    }
}
