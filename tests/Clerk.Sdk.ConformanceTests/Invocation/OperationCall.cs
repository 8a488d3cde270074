using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Sdk.ConformanceTests.Spec;
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

    private OperationCall(object resource, MethodInfo method, object?[] arguments, List<string> problems)
    {
        _resource = resource;
        _method = method;
        _arguments = arguments;
        Problems = problems;
    }

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
            if (parameter.Name == "body" && operation.Body is { } body)
            {
                if (variant == Variant.Required && !operation.BodyRequired && parameter.HasDefaultValue) continue;
                var json = sampler.Sample(body.Schema);
                var model = ClrValues.From(json, parameter.ParameterType);
                problems.AddRange(UnmodeledFields.Find(model));
                arguments[i] = model;
                continue;
            }
            var specParameter = operation.Parameters.FirstOrDefault(p => p.ClrName == parameter.Name);
            if (specParameter is null)
            {
                problems.Add($"{method.Name} parameter '{parameter.Name}' is not a parameter of {operation.Id} in the spec");
                continue;
            }
            bound.Add(specParameter);
            if (variant == Variant.Required && !specParameter.Required && parameter.HasDefaultValue) continue;
            arguments[i] = ClrValues.From(sampler.Sample(specParameter.Schema), parameter.ParameterType);
        }
        foreach (var missing in operation.Parameters.Where(p => !bound.Contains(p) && p.In is "path" or "query" or "formData"))
        {
            problems.Add($"{operation.Id}'s {(missing.Required ? "required" : "optional")} {missing} has no parameter in {method.Name}");
        }
        if (operation.Body is not null && !parameters.Any(p => p.Name == "body"))
        {
            problems.Add($"{operation.Id} has a request body but {method.Name} takes no 'body' parameter");
        }
        return new OperationCall(resource, method, arguments, problems);
    }

    /// <summary>Calls the method; returns what it returned (null for a plain Task).</summary>
    public async Task<object?> InvokeAsync()
    {
        var task = (Task)_method.Invoke(_resource, _arguments)!;
        await task.ConfigureAwait(false);
        return ResultType is null ? null : typeof(Task<>).MakeGenericType(ResultType).GetProperty("Result")!.GetValue(task);
    }

    /// <summary>The declared result type (<c>Task&lt;T&gt;</c>'s T), or null for a plain Task.</summary>
    public Type? ResultType => _method.ReturnType.IsGenericType ? _method.ReturnType.GetGenericArguments()[0] : null;
}
