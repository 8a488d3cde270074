namespace Clerk.Testing.Errors;

/// <summary>One entry of a Clerk error body (<c>errors[]</c>): code, messages and the parameter it is about.</summary>
/// <param name="Code">Clerk's error code (<c>resource_not_found</c>, <c>form_param_missing</c>, ...).</param>
/// <param name="Message">The short message.</param>
/// <param name="LongMessage">The long message.</param>
/// <param name="ParamName">The request parameter concerned (<c>meta.param_name</c>), or null.</param>
internal sealed record FakeError(string Code, string Message, string LongMessage, string? ParamName = null);
