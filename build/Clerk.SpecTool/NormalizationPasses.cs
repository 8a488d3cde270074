using System.Collections.Generic;

namespace Clerk.SpecTool;

/// <summary>
/// The normalization, pass by pass, in the order they run. Each pass names the passes it relies on (checked by
/// <see cref="SpecPipeline"/>): naming needs the numbered variants merged and the inline schemas lifted, the redirect
/// results need the operation marks, a list operation needs its response schema named, and so on. The same list makes
/// the SDK's document and the mock server's; <see cref="SpecPass.RunsOn"/> says where they differ.
/// </summary>
public static class NormalizationPasses
{
    /// <summary>Every pass, in order.</summary>
    public static IReadOnlyList<SpecPass> All { get; } =
    [
        new("webhook-events", SpecDocuments.Both, run => run.Count("webhook-events", WebhookEvents.Apply(run.Document))),
        new("numbered-variants", SpecDocuments.Both, run => run.Count("numbered-variants", SchemaVariants.MergeNumberedVariants(run.Document))),
        new("type-names", SpecDocuments.Both, ["numbered-variants"],
            run => run.Count("type-names", SchemaRefs.RenameAll(run.Document, (name, schema) => Json.Str(schema, SpecExtensions.TypeName) ?? Naming.Pascal(name)))),
        new("operation-names", SpecDocuments.Both, run => OperationNaming.Apply(run.Document)),
        new("operation-marks", SpecDocuments.Both, ["operation-names"], run => OperationMarks.Apply(run.Document)),
        new("required-bodies", SpecDocuments.Both, ["operation-names"], run =>
        {
            var (required, optional) = RequiredBodies.Apply(run.Document, run.IsMock);
            run.Count("required-bodies", required.Count);
            run.Count("optional-bodies", optional.Count);
        }),
        new("form-parameters", SpecDocuments.Sdk, ["required-bodies"], run => run.Count("form-parameters", FormParameters.Apply(run.Document))),
        new("form-encodings", SpecDocuments.Mock, ["required-bodies"], run => run.Count("form-encodings", FormEncodings.Apply(run.Document))),
        new("parameter-names", SpecDocuments.Both, ["form-parameters"], run => ParameterNaming.Apply(run.Document)),
        new("compositions", SpecDocuments.Both, run => CompositionSimplifier.Apply(run.Document)),
        new("metadata-schemas", SpecDocuments.Both, ["compositions"], run => MetadataSchemas.Apply(run.Document)),
        new("error-responses", SpecDocuments.Sdk, ["operation-marks"], run => run.Count("error-responses", ErrorResponses.Strip(run.Document))),
        new("redirect-results", SpecDocuments.Sdk, ["operation-marks", "error-responses"], run => run.Count("redirect-results", OperationMarks.AddRedirectResults(run.Document))),
        new("unused-components", SpecDocuments.Both, ["error-responses"], run => UnusedComponents.Drop(run.Document)),
        new("inline-schemas", SpecDocuments.Both, ["type-names", "operation-names", "compositions", "unused-components"], run =>
        {
            var lifter = new InlineSchemaLifter(run.Document);
            run.Count("inline-schemas", lifter.Run());
            run.Count("reused-enums", lifter.ReusedEnums);
        }),
        new("integers", SpecDocuments.Both, ["inline-schemas"], run => run.Count("integers", IntegerWidening.Apply(run.Document))),
        new("shapes", SpecDocuments.Sdk, ["inline-schemas", "integers"], run => run.Count("shapes", ShapeMerger.Apply(run.Document))),
        new("shape-names", SpecDocuments.Mock, ["inline-schemas"], run => run.Count("shapes", ShapeMerger.RemoveNames(run.Document))),
        new("plain-urls", SpecDocuments.Sdk, ["shapes"], run => run.Count("plain-urls", PlainUrls.Apply(run.Document))),
        new("client-class-names", SpecDocuments.Both, ["inline-schemas", "shapes"], run =>
        {
            var renamed = ClientClassNames.Avoid(run.Document);
            if (renamed.Count > 0) run.Notes.Add($"{renamed.Count} model(s) renamed away from client class names ({string.Join(", ", renamed)})");
        }),
        new("property-names", SpecDocuments.Both, ["inline-schemas"], run => PropertyNaming.Apply(run.Document)),
        new("metadata-holders", SpecDocuments.Both, ["metadata-schemas", "inline-schemas"], run => MetadataSchemas.MarkHolders(run.Document)),
        new("enum-names", SpecDocuments.Both, ["inline-schemas"], run => EnumNaming.Apply(run.Document)),
        new("list-operations", SpecDocuments.Both, ["operation-marks", "inline-schemas", "property-names"], run => run.Count("list-operations", ListOperations.Apply(run.Document))),
        new("operation-options", SpecDocuments.Both, ["list-operations"], run =>
        {
            if (run["webhook-events"] == 0) OperationOptions.Apply(run.Document);
        }),
        new("paginated-shapes", SpecDocuments.Mock, ["list-operations"], run => run.Count("paginated-shapes", ListOperations.AddPaginatedShapes(run.Document))),
    ];
}
