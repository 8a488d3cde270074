using System.Collections.Generic;

namespace Clerk.SpecTool;

/// <summary>
/// Every private OpenAPI extension (<c>x-clerk-*</c>) in one place: those the overlays set on Clerk's spec, and those
/// the passes write for later passes, the NSwag templates (<c>build/templates/*.liquid</c>, which can only name them as
/// strings) and the tests. A convention test (SpecExtensionTests) keeps every <c>x-clerk-</c> name used in the
/// repository in <see cref="All"/>.
/// </summary>
public static class SpecExtensions
{
    // Set by overlays (openapi/overlays/*).

    /// <summary>On a component schema: the .NET type name it takes.</summary>
    public const string TypeName = "x-clerk-type-name";

    /// <summary>On the document: a map from a merged shape's name to one of its members (<see cref="ShapeMerger"/>).</summary>
    public const string ShapeNames = "x-clerk-shape-names";

    /// <summary>On a cursor-paged list operation: the <c>order_by</c> values the cursor allows (<see cref="ListOperations"/>).</summary>
    public const string CursorOrderBy = "x-clerk-cursor-order-by";

    // Written by the passes.

    /// <summary>On an operation: the spec's original operationId, which names its inline types (<see cref="OperationNaming"/>).</summary>
    public const string Operation = "x-clerk-operation";

    /// <summary>On a property: its .NET name (<see cref="PropertyNaming"/>).</summary>
    public const string Name = "x-clerk-name";

    /// <summary>On a property: a Unix timestamp, read as <c>DateTimeOffset</c> (<see cref="PropertyNaming"/>).</summary>
    public const string Timestamp = "x-clerk-timestamp";

    /// <summary>On a timestamp property: <c>seconds</c> where the spec says so (milliseconds otherwise).</summary>
    public const string TimestampUnit = "x-clerk-timestamp-unit";

    /// <summary>On a timestamp property: 0 means "none".</summary>
    public const string TimestampZeroIsNone = "x-clerk-timestamp-zero-is-none";

    /// <summary>On a property: the spec declares it nullable, so an explicit null is tracked and sent.</summary>
    public const string Nullable = "x-clerk-nullable";

    /// <summary>On a model: the metadata interface it implements (<see cref="MetadataSchemas"/>).</summary>
    public const string Implements = "x-clerk-implements";

    /// <summary>On an operation: the name of its options class (<see cref="OperationOptions"/>).</summary>
    public const string Options = "x-clerk-options";

    /// <summary>On a list operation: its item type and paging (<see cref="ListOperations"/>).</summary>
    public const string List = "x-clerk-list";

    /// <summary>On an operation whose required body may be left out: the SDK sends <c>{}</c> (<see cref="RequiredBodies"/>).</summary>
    public const string EmptyBody = "x-clerk-empty-body";

    /// <summary>On an operation: which credentials it takes (<see cref="OperationMarks"/>).</summary>
    public const string Credentials = "x-clerk-credentials";

    /// <summary>On an operation that answers a redirect: returns <c>ClerkRedirect</c> (<see cref="OperationMarks"/>).</summary>
    public const string Redirect = "x-clerk-redirect";

    /// <summary>On a string schema: the URL format moved out of <c>format</c> (the SDK keeps URLs as strings).</summary>
    public const string Format = "x-clerk-format";

    /// <summary>On the webhook document: the event table (<see cref="WebhookEvents"/>).</summary>
    public const string WebhookEvents = "x-clerk-webhook-events";

    /// <summary>Every name above.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>
    {
        TypeName, ShapeNames, CursorOrderBy, Operation, Name, Timestamp, TimestampUnit, TimestampZeroIsNone, Nullable,
        Implements, Options, List, EmptyBody, Credentials, Redirect, Format, WebhookEvents,
    };
}
