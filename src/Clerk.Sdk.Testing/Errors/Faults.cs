namespace Clerk.Testing.Errors;

/// <summary>The errors the fake answers with, shaped as Clerk's (codes, messages, <c>meta.param_name</c>).</summary>
internal static class Faults
{
    public static FakeErrorException NotFound(string what) =>
        new(404, new FakeError("resource_not_found", "not found", $"{what} not found"));

    public static FakeErrorException Unauthenticated() =>
        new(401, new FakeError("authentication_invalid", "Invalid authentication", "The secret key is missing or is not a key of this instance. Send it as 'Authorization: Bearer sk_test_...'."));

    public static FakeError Missing(string param) =>
        new("form_param_missing", "is missing", $"{param} must be included.", param);

    public static FakeError FormatInvalid(string param, string detail) =>
        new("form_param_format_invalid", "is invalid", $"{param} {detail}", param);

    public static FakeError ValueInvalid(string param, string detail) =>
        new("form_param_value_invalid", "is invalid", $"{param} {detail}", param);

    public static FakeError Unknown(string param) =>
        new("form_param_unknown", "is unknown", $"{param} is not a valid parameter for this request.", param);

    public static FakeErrorException Unprocessable(FakeError error) => new(422, error);

    public static FakeErrorException IdentifierExists(string param, string what) =>
        new(422, new FakeError("form_identifier_exists", $"That {what} is taken. Please try another.", $"That {what} is taken. Please try another.", param));

    public static FakeErrorException BadRequest(string code, string message, string longMessage, string? param = null) =>
        new(400, new FakeError(code, message, longMessage, param));
}
