using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Clerk.SpecTool;

/// <summary>
/// Turns an (overlaid) Clerk spec into one NSwag generates clean .NET from, by running <see cref="NormalizationPasses"/>
/// once (<see cref="SpecRun"/>: each pass one concern, their order checked against the dependencies they declare). With
/// <c>withMock</c> the same run also makes the document a mock server (Stoplight Prism) serves to the conformance
/// suite, forked from the SDK's where they start to differ: the error responses stay (so <c>Prefer: code=404</c> returns
/// the spec's error body) and a form body (multipart, urlencoded) stays a request body (an OpenAPI 3 server does not
/// know <c>in: formData</c> parameters), with the default encoding of its array fields written out
/// (<see cref="FormEncodings"/>).
/// </summary>
public sealed class SpecNormalizer(JObject document, bool withMock = false)
{
    private readonly SpecRun _run = new(document, withMock);

    /// <summary>The passes that shaped the SDK's document, in order (after <see cref="Run"/>).</summary>
    public IReadOnlyList<string> Ran => _run.Sdk.Ran;

    /// <summary>The passes that shaped the mock server's document, in order (empty without <c>withMock</c>).</summary>
    public IReadOnlyList<string> MockRan => _run.Mock?.Ran ?? [];

    /// <summary>Every application of a pass in the run (a pass both documents shared once).</summary>
    public IReadOnlyList<string> Applications => _run.Applications;

    /// <summary>The mock server's document (after <see cref="Run"/> with <c>withMock</c>).</summary>
    public JObject? Mock => _run.Mock?.Document;

    /// <summary>Normalizes the document in place (and makes the mock document); returns the build report.</summary>
    public string Run()
    {
        SpecPipeline.Run(NormalizationPasses.All, _run);
        return Report(_run.Sdk, _run.Mock);
    }

    private static string Report(SpecView run, SpecView? mock)
    {
        var notes = new List<string>(run.Notes);
        var webhooks = run["webhook-events"];
        notes.Add(webhooks > 0 ? $"{webhooks} webhook events" : $"{SpecDocument.Operations(run.Document).Count()} operations ({run["list-operations"]} list operations returning a pageable, each with an options class)");
        notes.Add($"{run["form-parameters"]} form bodies (multipart, urlencoded) turned into form parameters");
        notes.Add($"{SpecDocument.Schemas(run.Document).Count} schemas ({run["inline-schemas"]} lifted from inline, {run["numbered-variants"]} numbered variants merged ({run.Details("numbered-variants").Count} differences kept: enum values united, nullability weakened), {run["type-names"]} renamed)");
        notes.Add($"{run["error-responses"]} error responses left to the SDK's error mapper");
        notes.Add($"{run["integers"]} integers widened to int64");
        if (run["shapes"] > 0) notes.Add($"{run["shapes"]} schemas merged into an identical shape ({string.Join("; ", run.Details("shapes"))})");
        if (run["reused-enums"] > 0) notes.Add($"{run["reused-enums"]} parameter enums typed as their model's enum");
        if (run["required-bodies"] > 0) notes.Add($"{run["required-bodies"]} request bodies with required properties made required");
        if (run["optional-bodies"] > 0) notes.Add($"{run["optional-bodies"]} required bodies without required properties made optional (sent as {{}})");
        if (run["plain-urls"] > 0) notes.Add($"{run["plain-urls"]} URL formats kept as strings");
        if (run["redirect-results"] > 0) notes.Add($"{run["redirect-results"]} redirect operations returning ClerkRedirect");
        if (mock is not null)
        {
            var paginated = mock["paginated-shapes"] > 0 ? $", {mock["paginated-shapes"]} paginated lists answering {{data, total_count}}" : "";
            notes.Add($"mock document: error responses kept, {mock["form-encodings"]} urlencoded array encodings written out{paginated}");
        }
        return string.Join(", ", notes);
    }
}
