using System.Collections.Generic;

namespace Clerk.SpecTool;

/// <summary>
/// The normalization, pass by pass, in the order they run. Each pass names the passes it relies on (checked by
/// <see cref="SpecPipeline"/>): naming needs the numbered variants merged and the inline schemas lifted, the redirect
/// results need the operation marks, a list operation needs its response schema named, and so on. One run of the list makes
/// the SDK's document and the mock server's (<see cref="SpecRun"/>); <see cref="SpecPass.RunsOn"/> says where they differ.
/// </summary>
public static class NormalizationPasses
{
    /// <summary>Every pass, in order.</summary>
    public static IReadOnlyList<SpecPass> All { get; } =
    [
        new("webhook-events", SpecDocuments.Both, view => view.Count("webhook-events", WebhookEvents.Apply(view.Document))),
        new("numbered-variants", SpecDocuments.Both, view => view.Count("numbered-variants", SchemaVariants.MergeNumberedVariants(view.Document, view.Details("numbered-variants")))),
        new("type-names", SpecDocuments.Both, ["numbered-variants"],
            view => view.Count("type-names", SchemaRefs.RenameAll(view.Document, (name, schema) => Json.Str(schema, SpecExtensions.TypeName) ?? Naming.Pascal(name)))),
        new("operation-names", SpecDocuments.Both, view => OperationNaming.Apply(view.Document)),
        new("operation-marks", SpecDocuments.Both, ["operation-names"], view => OperationMarks.Apply(view.Document)),
        new("required-bodies", SpecDocuments.Both, ["operation-names"], view => view.Count("required-bodies", RequiredBodies.MarkRequired(view.Document).Count)),
        new("optional-bodies", SpecDocuments.Sdk, ["required-bodies"], view => view.Count("optional-bodies", RequiredBodies.MarkOptional(view.Document).Count)),
        new("form-parameters", SpecDocuments.Sdk, ["required-bodies"], view => view.Count("form-parameters", FormParameters.Apply(view.Document))),
        new("form-encodings", SpecDocuments.Mock, ["required-bodies"], view => view.Count("form-encodings", FormEncodings.Apply(view.Document))),
        new("parameter-names", SpecDocuments.Both, ["form-parameters"], view => ParameterNaming.Apply(view.Document)),
        new("compositions", SpecDocuments.Both, view => CompositionSimplifier.Apply(view.Document)),
        new("metadata-schemas", SpecDocuments.Both, ["compositions"], view => MetadataSchemas.Apply(view.Document)),
        new("error-responses", SpecDocuments.Sdk, ["operation-marks"], view => view.Count("error-responses", ErrorResponses.Strip(view.Document))),
        new("redirect-results", SpecDocuments.Sdk, ["operation-marks", "error-responses"], view => view.Count("redirect-results", OperationMarks.AddRedirectResults(view.Document))),
        new("unused-components", SpecDocuments.Both, ["error-responses"], view => UnusedComponents.Drop(view.Document)),
        new("inline-schemas", SpecDocuments.Both, ["type-names", "operation-names", "compositions", "unused-components"], view =>
        {
            var lifter = new InlineSchemaLifter(view.Document);
            view.Count("inline-schemas", lifter.Run());
            view.Count("reused-enums", lifter.ReusedEnums);
        }),
        new("integers", SpecDocuments.Both, ["inline-schemas"], view => view.Count("integers", IntegerWidening.Apply(view.Document))),
        new("shapes", SpecDocuments.Sdk, ["inline-schemas", "integers"], view => view.Count("shapes", ShapeMerger.Apply(view.Document, view.Details("shapes")))),
        new("shape-names", SpecDocuments.Mock, ["inline-schemas"], view => view.Count("shapes", ShapeMerger.RemoveNames(view.Document))),
        new("plain-urls", SpecDocuments.Sdk, ["shapes"], view => view.Count("plain-urls", PlainUrls.Apply(view.Document))),
        new("client-class-names", SpecDocuments.Both, ["inline-schemas", "shapes"], view =>
        {
            var renamed = ClientClassNames.Avoid(view.Document);
            if (renamed.Count > 0) view.Notes.Add($"{renamed.Count} model(s) renamed away from client class names ({string.Join(", ", renamed)})");
        }),
        new("property-names", SpecDocuments.Both, ["inline-schemas"], view => PropertyNaming.Apply(view.Document)),
        new("metadata-holders", SpecDocuments.Both, ["metadata-schemas", "inline-schemas"], view => MetadataSchemas.MarkHolders(view.Document)),
        new("enum-names", SpecDocuments.Both, ["inline-schemas"], view => EnumNaming.Apply(view.Document)),
        new("list-operations", SpecDocuments.Both, ["operation-marks", "inline-schemas", "property-names"], view => view.Count("list-operations", ListOperations.Apply(view.Document))),
        new("operation-options", SpecDocuments.Both, ["list-operations"], view =>
        {
            if (view["webhook-events"] == 0) OperationOptions.Apply(view.Document);
        }),
        new("paginated-shapes", SpecDocuments.Mock, ["list-operations"], view => view.Count("paginated-shapes", ListOperations.AddPaginatedShapes(view.Document))),
    ];
}
