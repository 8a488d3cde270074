using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.Prism;

/// <summary>
/// Reads the request violations Prism reports: the <c>sl-violations</c> header (a JSON array, cut by Node past ~8 KB,
/// so it is parsed defensively) and, for an operation whose spec has no 400/422 response, the 422
/// <c>application/problem+json</c> body's <c>validation[]</c>.
/// </summary>
internal static partial class PrismViolations
{
    public const string Header = "sl-violations";

    /// <summary>The prefix of every Prism error type (<c>...#UNPROCESSABLE_ENTITY</c>, <c>...#NO_PATH_MATCHED_ERROR</c>).</summary>
    public const string ErrorTypePrefix = "https://stoplight.io/prism/errors#";

    /// <summary>
    /// Request violations of the header with severity Error (response violations are Prism's own example generation,
    /// not ours; a Warning is e.g. a deprecated parameter, which the "all" variant sends on purpose).
    /// </summary>
    public static IReadOnlyList<PrismViolation> FromHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return [];
        JArray? array = null;
        try
        {
            array = JToken.Parse(header) as JArray;
        }
        catch (JsonException)
        {
            // Cut: fall back to the entries that are complete, plus a note for a cut request entry.
        }
        var all = array is not null ? array.OfType<JObject>().Select(FromJson).ToList() : FromCutHeader(header);
        return all.Where(v => v.Location.StartsWith("request", StringComparison.Ordinal) && v.Severity == "Error").ToList();
    }

    /// <summary>
    /// Response violations that show a defect of the spec itself: a response Prism built from the spec lacks a property
    /// the spec requires (Prism writes every required property it has a schema for, so the spec requires one it does
    /// not define). Other response violations (a static example that ignores a pattern) are Prism's, not the spec's.
    /// </summary>
    public static IReadOnlyList<PrismViolation> SpecDefects(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return [];
        try
        {
            return JToken.Parse(header) is JArray array
                ? array.OfType<JObject>().Select(FromJson).Where(v => v.Location.StartsWith("response", StringComparison.Ordinal) && v.Code == "required").ToList()
                : [];
        }
        catch (JsonException)
        {
            return FromCutHeader(header).Where(v => v.Location.StartsWith("response", StringComparison.Ordinal) && v.Code == "required").ToList();
        }
    }

    /// <summary>The <c>validation[]</c> of a Prism problem+json body (every entry is about the request), else empty.</summary>
    public static IReadOnlyList<PrismViolation> FromProblemBody(string? body)
    {
        if (ProblemOf(body) is not { } problem || problem["validation"] is not JArray validation) return [];
        return validation.OfType<JObject>().Select(FromJson).Where(v => v.Severity == "Error").Select(v => v with { Location = "request." + v.Location }).ToList();
    }

    /// <summary>A Prism error body (<c>type</c> starts with <see cref="ErrorTypePrefix"/>), else null.</summary>
    public static JObject? ProblemOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || !body.TrimStart().StartsWith('{')) return null;
        try
        {
            return JToken.Parse(body) is JObject o && ((string?)o["type"])?.StartsWith(ErrorTypePrefix, StringComparison.Ordinal) == true ? o : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PrismViolation FromJson(JObject entry)
    {
        var location = entry["location"] is JArray parts ? string.Join('.', parts.Select(p => p.ToString())) : entry["location"]?.ToString() ?? "";
        return new PrismViolation(location, entry["severity"]?.ToString() ?? "Error", entry["code"]?.ToString() ?? "", entry["message"]?.ToString() ?? "");
    }

    private static List<PrismViolation> FromCutHeader(string header)
    {
        var result = new List<PrismViolation>();
        var starts = EntryStart().Matches(header).Select(m => m.Index).Append(header.Length).ToList();
        for (var i = 0; i + 1 < starts.Count; i++)
        {
            var text = header[starts[i]..starts[i + 1]].TrimEnd(',', ']', ' ');
            try
            {
                if (JToken.Parse(text) is JObject entry) result.Add(FromJson(entry));
            }
            catch (JsonException)
            {
                // The location may itself be cut ("respo"): what can still be told apart from "request" is dropped later;
                // anything else counts as a possible request violation.
                var first = FirstLocationPart().Match(text) is { Success: true } m ? m.Groups[1].Value : "";
                var location = "response".StartsWith(first, StringComparison.Ordinal) && !"request".StartsWith(first, StringComparison.Ordinal) ? "response" : "request?";
                result.Add(new PrismViolation(location, "Error", "cut", $"(the {Header} header was cut here) {text}"));
            }
        }
        if (result.Count == 0) result.Add(new PrismViolation("request?", "Error", "cut", $"unreadable {Header} header: {header}"));
        return result;
    }

    [GeneratedRegex("\\{\\s*\"location\"")]
    private static partial Regex EntryStart();

    [GeneratedRegex("\"location\"\\s*:\\s*\\[\\s*\"([^\"]*)")]
    private static partial Regex FirstLocationPart();
}
