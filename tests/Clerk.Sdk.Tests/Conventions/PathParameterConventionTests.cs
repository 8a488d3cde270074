using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Http;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Conventions;

/// <summary>
/// Every path parameter of every operation of both APIs is checked before anything is sent: null, empty or white space
/// throws <see cref="ArgumentException"/> (<see cref="ArgumentNullException"/> for null) naming the parameter, so an
/// empty id never addresses another endpoint (<c>GET /users/</c> is the list).
/// </summary>
[TestFixture]
public class PathParameterConventionTests
{
    private sealed class NoRequests : HttpMessageHandler
    {
        public int Count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            throw new AssertionException($"a request was sent: {request.Method} {request.RequestUri}");
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void EveryPathParameter_OfBothApis_IsCheckedBeforeSending(string? value)
    {
        var transport = new NoRequests();
        using var backend = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_pathParameterConvention0000", HttpMessageHandler = transport });
        using var frontend = new ClerkFrontendClient(new ClerkFrontendClientOptions
        {
            PublishableKey = "pk_test_ZXhhbXBsZS1kZXN0aW5lZC1jYW1lbC0xMy5jbGVyay5hY2NvdW50cy5kZXYk",
            HttpMessageHandler = transport,
        });
        var offenders = new List<string>();
        var checkedParameters = 0;
        foreach (var (facade, operations) in new (object, ClerkOperation[])[] { (backend, Clerk.BackendApi.ClerkOperations.All), (frontend, Clerk.FrontendApi.ClerkOperations.All) })
        {
            foreach (var operation in operations.Where(o => o.PathParameters.Count > 0))
            {
                var resource = facade.GetType().GetProperty(operation.Resource)!.GetValue(facade)!;
                var method = resource.GetType().GetMethod(operation.Name + "Async")!;
                var parameters = method.GetParameters();
                // The template puts the path parameters first, in the path's order.
                for (var target = 0; target < operation.PathParameters.Count; target++)
                {
                    if (parameters[target].ParameterType != typeof(string)) continue; // an enum segment: checked as unset below
                    checkedParameters++;
                    var arguments = parameters.Select((p, i) => i == target ? value : i < operation.PathParameters.Count ? PathValue(p) : Default(p)).ToArray();
                    var thrown = Capture(() => method.Invoke(resource, arguments));
                    if (thrown is not ArgumentException argument || argument.ParamName != parameters[target].Name || (value is null) != (thrown is ArgumentNullException))
                    {
                        offenders.Add($"{operation} {parameters[target].Name}={(value is null ? "null" : $"\"{value}\"")}: {thrown?.GetType().Name ?? "no exception"} {(thrown as ArgumentException)?.ParamName}");
                    }
                }
            }
        }
        Assert.That(checkedParameters, Is.GreaterThan(300), "both APIs' string path parameters are found");
        Assert.That(transport.Count, Is.Zero);
        ConventionAssert.NoOffenders(offenders, "path parameters (null, empty or white space must throw ArgumentException naming the parameter, before any request)");
    }

    /// <summary>A valid value for another path parameter: an id, or a value of an extensible enum.</summary>
    private static object PathValue(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(string) ? "id_1" : Activator.CreateInstance(parameter.ParameterType, "value_1")!;

    private static object? Default(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(CancellationToken) ? CancellationToken.None
        : parameter.HasDefaultValue ? parameter.DefaultValue
        : parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType)
        : parameter.ParameterType == typeof(string) ? "x"
        : null; // a body or file: the path is checked first, before any other argument

    private static Exception? Capture(Func<object?> call)
    {
        try
        {
            var result = call();
            if (result is Task task)
            {
                try { task.GetAwaiter().GetResult(); } catch (Exception ex) { return ex; }
            }
            return null;
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException;
        }
    }
}
