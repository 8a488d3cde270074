using System;
using System.Collections.Generic;

namespace Clerk;

/// <summary>
/// With <see cref="ClerkClientOptionsBase.StrictResponses"/>: a successful response lacked a field the spec requires
/// (or sent null where the spec does not allow it). Names the operation, the model, its property and where in the body.
/// </summary>
public sealed class ClerkMissingFieldException : ClerkApiException
{
    internal ClerkMissingFieldException(string operation, Type model, string propertyName, string jsonName, string jsonPath, bool wasNull,
        int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception innerException, int attempts)
        : base($"{operation}: the response's {model.Name} {(wasNull ? "has null for" : "lacks")} the required property '{jsonName}' ({model.Name}.{propertyName}) at '{(jsonPath.Length == 0 ? "$" : jsonPath)}' (strict response check).",
            statusCode, response, headers, innerException, attempts)
    {
        Operation = operation;
        Model = model;
        PropertyName = propertyName;
        JsonName = jsonName;
        JsonPath = jsonPath;
        WasNull = wasNull;
    }

    /// <summary>The operation whose response it was, e.g. <c>Users.Get GET /users/{user_id}</c>.</summary>
    public string Operation { get; }

    /// <summary>The model that lacks the field, e.g. <c>Clerk.BackendApi.User</c>.</summary>
    public Type Model { get; }

    /// <summary>The .NET property, e.g. <c>Id</c>.</summary>
    public string PropertyName { get; }

    /// <summary>The field's JSON name, e.g. <c>id</c>.</summary>
    public string JsonName { get; }

    /// <summary>Where in the body the model was (JSON path; empty for the root).</summary>
    public string JsonPath { get; }

    /// <summary>True when the field was present with a null the spec does not allow; false when it was missing.</summary>
    public bool WasNull { get; }
}
