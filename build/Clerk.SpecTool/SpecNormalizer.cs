using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Turns an (overlaid) Clerk spec into one NSwag generates clean .NET from, by running <see cref="NormalizationPasses"/>
/// (each pass one concern, their order checked against the dependencies they declare). With <paramref name="forMock"/>
/// the same passes produce the document a mock server (Stoplight Prism) serves to the conformance suite: the error
/// responses stay (so <c>Prefer: code=404</c> returns the spec's error body) and a form body (multipart, urlencoded)
/// stays a request body (an OpenAPI 3 server does not know <c>in: formData</c> parameters), with the default encoding
/// of its array fields written out (<see cref="FormEncodings"/>).
/// </summary>
public sealed class SpecNormalizer(JObject document, bool forMock = false)
{
    /// <summary>The passes that ran, in order (after <see cref="Run"/>).</summary>
    public IReadOnlyList<string> Ran { get; private set; } = [];

    /// <summary>Normalizes the document in place; returns the build report.</summary>
    public string Run()
    {
        var run = new SpecRun(document, forMock ? SpecDocuments.Mock : SpecDocuments.Sdk);
        SpecPipeline.Run(NormalizationPasses.All, run);
        Ran = run.Ran;
        return Report(run);
    }

    private static string Report(SpecRun run)
    {
        var notes = new List<string>(run.Notes);
        var webhooks = run["webhook-events"];
        notes.Add(webhooks > 0 ? $"{webhooks} webhook events" : $"{SpecDocument.Operations(run.Document).Count()} operations ({run["list-operations"]} list operations returning a pageable, each with an options class)");
        notes.Add($"{run["form-parameters"]} form bodies (multipart, urlencoded) turned into form parameters");
        notes.Add($"{SpecDocument.Schemas(run.Document).Count} schemas ({run["inline-schemas"]} lifted from inline, {run["numbered-variants"]} numbered variants merged ({SchemaVariants.Differences.Count} differences kept: enum values united, nullability weakened), {run["type-names"]} renamed)");
        notes.Add(run.IsMock ? $"error responses kept for the mock server, {run["form-encodings"]} urlencoded array encodings written out" : $"{run["error-responses"]} error responses left to the SDK's error mapper");
        notes.Add($"{run["integers"]} integers widened to int64");
        if (run["shapes"] > 0) notes.Add($"{run["shapes"]} schemas merged into an identical shape ({string.Join("; ", ShapeMerger.Merges)})");
        if (run["reused-enums"] > 0) notes.Add($"{run["reused-enums"]} parameter enums typed as their model's enum");
        if (run["required-bodies"] > 0) notes.Add($"{run["required-bodies"]} request bodies with required properties made required");
        if (run["optional-bodies"] > 0) notes.Add($"{run["optional-bodies"]} required bodies without required properties made optional (sent as {{}})");
        if (run["plain-urls"] > 0) notes.Add($"{run["plain-urls"]} URL formats kept as strings");
        if (run["redirect-results"] > 0) notes.Add($"{run["redirect-results"]} redirect operations returning ClerkRedirect");
        if (run["paginated-shapes"] > 0) notes.Add($"{run["paginated-shapes"]} paginated lists answering {{data, total_count}} in the mock");
        return string.Join(", ", notes);
    }
}
