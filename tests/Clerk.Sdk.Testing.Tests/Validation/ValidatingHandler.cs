using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Sdk.Testing.Tests.Validation;

/// <summary>
/// Sits under the SDK's pipeline in front of the fake: validates every response against the spec (<see cref="SpecSchemas"/>)
/// and records it in <see cref="ValidationLedger"/>; the findings of the current test are kept for its teardown to assert.
/// </summary>
internal sealed class ValidatingHandler : DelegatingHandler
{
    private readonly List<string> _findings = new();
    private readonly List<(string Operation, int Status)> _validated = new();

    public ValidatingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>The findings since the handler was created (this test's).</summary>
    public IReadOnlyList<string> Findings
    {
        get
        {
            lock (_findings)
            {
                return _findings.ToArray();
            }
        }
    }

    /// <summary>The operation and status of every response validated by this handler.</summary>
    public IReadOnlyList<(string Operation, int Status)> Validated
    {
        get
        {
            lock (_findings)
            {
                return _validated.ToArray();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var path = request.RequestUri!.AbsolutePath;
        path = path.StartsWith("/v1", System.StringComparison.Ordinal) ? path[3..] : path;
        var described = $"{request.Method} {path}";
        var operation = SpecSchemas.Instance.Find(request.Method.Method, path);
        IReadOnlyList<string> findings = operation is null ? [$"no operation of the spec is {described}"] : SpecSchemas.Instance.Check(operation, (int)response.StatusCode, body);
        ValidationLedger.Record(operation?.OperationId ?? described, (int)response.StatusCode, findings, described);
        lock (_findings)
        {
            _findings.AddRange(findings);
            _validated.Add((operation?.OperationId ?? described, (int)response.StatusCode));
        }
        var copy = new StringContent(body, System.Text.Encoding.UTF8);
        foreach (var header in response.Content.Headers)
        {
            copy.Headers.Remove(header.Key);
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        response.Content = copy;
        return response;
    }
}
