using System;

namespace Clerk.Serialization;

/// <summary>
/// Marks a generated model property the spec lists as <c>required</c> (the model template adds it). The default reading
/// ignores it; with <see cref="ClerkClientOptionsBase.StrictResponses"/> a response that lacks the property, or sends
/// null where the spec does not allow it, fails with <see cref="ClerkMissingFieldException"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
internal sealed class ClerkRequiredAttribute : Attribute
{
    /// <summary>Whether the spec declares the property nullable: it must be present, and may be null.</summary>
    public bool AllowNull { get; set; }
}
