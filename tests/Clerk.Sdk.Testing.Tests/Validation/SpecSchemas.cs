using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NJsonSchema;
using NSwag;
using Newtonsoft.Json.Linq;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Testing.Tests.Validation;

/// <summary>
/// Validates Backend API responses against the spec: the build's <c>BackendApi.mock.json</c> (the normalized spec
/// with its error responses) read by NSwag, each response body checked with NJsonSchema (OpenAPI 3 rules: nullable,
/// required, additionalProperties, enums, patterns, formats) against the schema of its operation and status.
/// </summary>
internal sealed class SpecSchemas
{
    private static readonly Lazy<SpecSchemas> Shared = new(() => new SpecSchemas(OpenApiDocument.FromFileAsync(RepoPaths.MockBackendApiSpec).GetAwaiter().GetResult()));

    private readonly List<(string Method, Regex Pattern, string Template, OpenApiOperation Operation)> _operations = new();

    private SpecSchemas(OpenApiDocument document)
    {
        foreach (var (template, item) in document.Paths)
        {
            foreach (var (method, operation) in item)
            {
                var pattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$");
                _operations.Add((method.ToUpperInvariant(), pattern, template, operation));
            }
        }
        // Literal segments win over parameters (/users/count before /users/{user_id}), as in the server's routing.
        _operations.Sort((a, b) => a.Template.Count(c => c == '{').CompareTo(b.Template.Count(c => c == '{')));
    }

    public static SpecSchemas Instance => Shared.Value;

    /// <summary>The operation of a request (path under <c>/v1</c>), or null.</summary>
    public OpenApiOperation? Find(string method, string path) =>
        _operations.FirstOrDefault(o => o.Method == method && o.Pattern.IsMatch(path)).Operation;

    /// <summary>Checks one response; returns the findings (empty when it conforms).</summary>
    public IReadOnlyList<string> Check(OpenApiOperation operation, int status, string body)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.ActualResponses.TryGetValue(code, out var response))
        {
            // 401 is the gate in front of every operation (Clerk answers it even where an operation does not declare it),
            // and 501 is the fake's own answer for an operation it lacks: both carry Clerk's error body.
            if (status is 401 or 501 && operation.ActualResponses.Values.FirstOrDefault(r => r.Content.ContainsKey("application/json") && r.Content["application/json"].Schema?.ActualSchema.Properties.ContainsKey("errors") == true) is { } any)
            {
                response = any;
            }
            else
            {
                return [$"status {status} is not a response of {operation.OperationId} (declared: {string.Join(", ", operation.ActualResponses.Keys)})"];
            }
        }
        var schema = response.ActualResponse.Content.TryGetValue("application/json", out var media) ? media.Schema : null;
        if (schema is null)
        {
            return [];
        }
        JToken token;
        try
        {
            token = JToken.Parse(body);
        }
        catch (Newtonsoft.Json.JsonReaderException ex)
        {
            return [$"the body is not JSON: {ex.Message}"];
        }
        return schema.Validate(token, SchemaType.OpenApi3).Select(e => e.ToString()).ToList();
    }
}
