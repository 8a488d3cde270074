using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Sdk.TestKit.Spec;
using Clerk.Sdk.ConformanceTests.Synthesis;
using Newtonsoft.Json.Linq;

namespace Clerk.Sdk.ConformanceTests.Invocation;

/// <summary>
/// A call of the public facade method of one operation (<c>Users_List</c> is <c>clerk.Users.ListAsync</c>, on
/// <see cref="ClerkClient"/> or <see cref="ClerkFrontendClient"/>) with
/// arguments synthesized from the spec. Binding problems (a spec parameter the method does not take, a method
/// parameter the spec does not know, a body field its model drops) are collected, not thrown.
/// </summary>
internal sealed class OperationCall
{
    private readonly object _resource;
    private readonly MethodInfo _method;
    private readonly object?[] _arguments;

    private OperationCall(object resource, MethodInfo method, object?[] arguments, List<string> problems, JToken? body)
    {
        _resource = resource;
        _method = method;
        _arguments = arguments;
        Problems = problems;
        SampledBody = body;
    }

    /// <summary>The JSON body the arguments were built from (null for no body).</summary>
    public JToken? SampledBody { get; }

    /// <summary>Why the call does not match the spec before it is even sent (empty when it does).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>How the method was called, for messages.</summary>
    public string Signature => $"{_method.DeclaringType?.Name}.{_method.Name}";

    /// <summary>Finds the facade method of <paramref name="operation"/> and builds its arguments.</summary>
    /// <param name="client">The facade: <see cref="ClerkClient"/> or <see cref="ClerkFrontendClient"/>.</param>
    /// <exception cref="MissingMemberException">The facade has no such property or method.</exception>
    public static OperationCall Bind(object client, SpecOperation operation, ApiSpec spec, Variant variant)
    {
        var property = client.GetType().GetProperty(operation.Resource, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new MissingMemberException($"{client.GetType().Name} has no property {operation.Resource} for {operation}");
        var method = property.PropertyType.GetMethod(operation.MethodName + "Async", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new MissingMemberException($"{property.PropertyType.Name} has no method {operation.MethodName}Async for {operation}");
        var resource = property.GetValue(client)!;
        var sampler = new SchemaSampler(spec, variant);
        var problems = new List<string>();
        var parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        var bound = new HashSet<SpecParameter>();
        var pageable = IsPageable(method.ReturnType);
        JToken? sampledBody = null;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            arguments[i] = parameter.HasDefaultValue ? parameter.DefaultValue : null;
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                arguments[i] = CancellationToken.None;
                continue;
            }
            if (parameter.ParameterType == typeof(ClerkRequestOptions))
            {
                continue; // per-call options: the client's settings
            }
            if (parameter.Name == "options")
            {
                // The operation's options class: every optional parameter of the spec is a property of it.
                var options = Activator.CreateInstance(parameter.ParameterType)!;
                foreach (var optional in parameter.ParameterType.GetProperties())
                {
                    var specParameter = operation.Parameters.FirstOrDefault(p => Pascal(p.ClrName) == optional.Name);
                    if (specParameter is null)
                    {
                        problems.Add($"{parameter.ParameterType.Name}.{optional.Name} is not a parameter of {operation.Id} in the spec");
                        continue;
                    }
                    bound.Add(specParameter);
                    if (variant == Variant.Required) continue;
                    optional.SetValue(options, ClrValues.From(sampler.Sample(specParameter.Schema), optional.PropertyType));
                }
                arguments[i] = options;
                continue;
            }
            if (parameter.Name == "body" && operation.Body is { } body)
            {
                if (variant == Variant.Required && !operation.BodyRequired && parameter.HasDefaultValue) continue;
                var json = sampler.Sample(body.Schema);
                sampledBody = json;
                var model = ClrValues.From(json, parameter.ParameterType);
                problems.AddRange(UnmodeledFields.Find(model));
                arguments[i] = model;
                continue;
            }
            var positional = operation.Parameters.FirstOrDefault(p => p.ClrName == parameter.Name);
            if (positional is null)
            {
                problems.Add($"{method.Name} parameter '{parameter.Name}' is not a parameter of {operation.Id} in the spec");
                continue;
            }
            bound.Add(positional);
            if (variant == Variant.Required && !positional.Required && parameter.HasDefaultValue) continue;
            arguments[i] = ClrValues.From(sampler.Sample(positional.Schema), parameter.ParameterType);
        }
        // A list operation's paging parameters are its pageable's (limit, offset, starting_after, paginated).
        foreach (var missing in operation.Parameters.Where(p => !bound.Contains(p) && p.In is "path" or "query" or "formData" && !(pageable && PagingParameters.Contains(p.Name))))
        {
            problems.Add($"{operation.Id}'s {(missing.Required ? "required" : "optional")} {missing} has no parameter in {method.Name}");
        }
        if (operation.Body is not null && !parameters.Any(p => p.Name == "body"))
        {
            problems.Add($"{operation.Id} has a request body but {method.Name} takes no 'body' parameter");
        }
        return new OperationCall(resource, method, arguments, problems, sampledBody);
    }

    /// <summary>Calls the method (a list operation's pageable: its first page); returns what it returned (null for a plain Task).</summary>
    public async Task<object?> InvokeAsync()
    {
        var returned = _method.Invoke(_resource, _arguments)!;
        var task = IsPageable(_method.ReturnType)
            ? (Task)_method.ReturnType.GetMethod("GetPageAsync")!.Invoke(returned, [null, null, CancellationToken.None])!
            : (Task)returned;
        await task.ConfigureAwait(false);
        return ResultType is null ? null : task.GetType().GetProperty("Result")!.GetValue(task);
    }

    /// <summary>The declared result type (<c>Task&lt;T&gt;</c>'s T; a pageable's page), or null for a plain Task.</summary>
    public Type? ResultType => IsPageable(_method.ReturnType)
        ? typeof(ClerkPage<>).MakeGenericType(_method.ReturnType.GetGenericArguments()[0])
        : _method.ReturnType.IsGenericType ? _method.ReturnType.GetGenericArguments()[0] : null;

    private static readonly string[] PagingParameters = ["limit", "offset", "starting_after", "paginated"];

    private static bool IsPageable(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ClerkPageable<>);

    private static string Pascal(string clrName) => clrName.Length == 0 ? clrName : char.ToUpperInvariant(clrName[0]) + clrName[1..];
}
