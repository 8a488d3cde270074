using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace Clerk;

/// <summary>
/// Clerk answered with an error status, or with a body the SDK could not read. Carries the status, Clerk's parsed
/// errors (code, message, long message, meta), the trace id and, when the body was not Clerk JSON, a short excerpt.
/// </summary>
public class ClerkApiException : ClerkException
{
    /// <summary>
    /// Creates the exception from a response. The generated clients call this for a body they cannot deserialize;
    /// the SDK's error mapper calls it for every non-success status.
    /// </summary>
    /// <param name="message">What happened.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body, if it was read.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The cause, e.g. a JSON reader error.</param>
    public ClerkApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : this(message, statusCode, response, headers, innerException, attempts: 1)
    {
    }

    /// <summary>Creates the exception from a response that came after <paramref name="attempts"/> attempts.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="response">The response body, if it was read.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The cause, e.g. a JSON reader error.</param>
    /// <param name="attempts">How many attempts the SDK made (retries included).</param>
    public ClerkApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException, int attempts)
        : this(message, statusCode, ClerkErrorParser.Parse(response, headers), headers, innerException, attempts)
    {
    }

    private ClerkApiException(string message, int statusCode, ClerkErrorBody body, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException, int attempts)
        : base(ClerkErrorParser.Describe(attempts > 1 ? $"{message.TrimEnd('.')} after {attempts} attempts" : message, statusCode, body, innerException), innerException)
    {
        Attempts = attempts;
        StatusCode = (HttpStatusCode)statusCode;
        Errors = body.Errors;
        TraceId = body.TraceId;
        BodyExcerpt = body.Excerpt;
        Headers = headers ?? new Dictionary<string, IEnumerable<string>>();
    }

    /// <summary>How many attempts the SDK made before giving up (1 when the call was not retried).</summary>
    public int Attempts { get; }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The errors Clerk returned (empty when the body was not a Clerk error).</summary>
    public IReadOnlyList<ClerkApiError> Errors { get; }

    /// <summary>The first error's code, e.g. <c>resource_not_found</c>, or null.</summary>
    public string? Code => Errors.FirstOrDefault()?.Code;

    /// <summary>Clerk's trace id for support (<c>clerk_trace_id</c> in the body, else the trace header).</summary>
    public string? TraceId { get; }

    /// <summary>
    /// The start of a body that was not Clerk error JSON (an HTML page from a proxy, truncated JSON), else null.
    /// For a success status that could not be deserialized it is response data, which may hold tokens or secrets:
    /// it is not part of <see cref="System.Exception.Message"/>; log it with care.
    /// </summary>
    public string? BodyExcerpt { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}
