using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Clerk.Testing.Errors;
using Clerk.Testing.Spec;
using Microsoft.AspNetCore.Http;

namespace Clerk.Testing.Hosting;

/// <summary>
/// The fallback: a request to an operation of the spec that the fake does not implement gets 501 with the operation's
/// SDK name (so a test fails with a clear reason); any other path gets Clerk's 404 <c>resource_not_found</c>.
/// </summary>
internal sealed class UnimplementedOperations
{
    private readonly List<(SpecOperation Operation, Regex Pattern)> _operations;

    public UnimplementedOperations(SpecDocument spec, IReadOnlyCollection<string> implemented)
    {
        _operations = spec.Operations
            .Where(o => !implemented.Contains(o.Id))
            .Select(o => (o, new Regex("^/v1" + Regex.Replace(Regex.Escape(o.Path), @"\\\{[^/]+?}", "[^/]+") + "/?$", RegexOptions.CultureInvariant)))
            .ToList();
    }

    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        foreach (var (operation, pattern) in _operations)
        {
            if (operation.Method == context.Request.Method && pattern.IsMatch(path))
            {
                var error = new FakeError("fake_not_implemented", "not implemented", $"FakeClerkServer does not implement {operation.DisplayName} ({operation.Method} {operation.Path}) yet.");
                return FakeRoutes.WriteAsync(context, 501, ErrorBody.Create([error]));
            }
        }
        return FakeRoutes.WriteAsync(context, 404, ErrorBody.Create(Faults.NotFound("Resource").Errors));
    }
}
