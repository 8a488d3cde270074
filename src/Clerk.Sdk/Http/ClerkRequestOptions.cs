using System.Net.Http;

namespace Clerk.Http;

/// <summary>Per-request settings carried in <see cref="HttpRequestMessage.Options"/> through the SDK's pipeline.</summary>
public static class ClerkRequestOptions
{
    /// <summary>
    /// Set to true on a POST/PATCH to let the retry handler retry it after a timeout or a 5xx (it may then run twice).
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> AllowRetryOfNonIdempotentRequest = new("Clerk.AllowRetryOfNonIdempotentRequest");

    /// <summary>How many attempts the retry handler made (written by the pipeline, read by the error mapper).</summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("Clerk.Attempts");


    /// <summary>The redirect an operation succeeded with, read before its status is marked 200 for the generated code (see <see cref="ClerkApiClientBase"/>).</summary>
    internal static readonly HttpRequestOptionsKey<ClerkRedirect> Redirect = new("Clerk.Redirect");


    /// <summary>
    /// How many attempts were made for <paramref name="request"/>: <see cref="Attempts"/>, or 1 when it is not set
    /// (the retry handler sets it from the second attempt on, so a first attempt allocates no options dictionary).
    /// </summary>
    internal static int AttemptsOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 1;
}
