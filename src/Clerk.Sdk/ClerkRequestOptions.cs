using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Clerk;

/// <summary>
/// Settings for one call, the last-but-one parameter of every operation method
/// (<c>clerk.Users.GetAsync(id, new ClerkRequestOptions { Timeout = TimeSpan.FromSeconds(5) })</c>): a timeout, the
/// retry choice, extra headers and a credential override. Unset properties keep the client's settings. One instance
/// may be shared by many calls; do not change it while a call that uses it runs. Never prints its credential.
/// </summary>
public sealed class ClerkRequestOptions
{
    /// <summary>Where the send path puts the options of a call on its request, for the SDK's handlers (and yours).</summary>
    public static readonly HttpRequestOptionsKey<ClerkRequestOptions> OptionsKey = new("Clerk.RequestOptions");

    /// <summary>
    /// Set to true on a POST/PATCH request to let the retry handler retry it after a timeout or a 5xx (it may then run
    /// twice); <see cref="RetryNonIdempotent"/> does the same for one call.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> AllowRetryOfNonIdempotentRequest = new("Clerk.AllowRetryOfNonIdempotentRequest");

    /// <summary>How many attempts the retry handler made (written by the pipeline, read by the error mapper).</summary>
    public static readonly HttpRequestOptionsKey<int> Attempts = new("Clerk.Attempts");

    private Dictionary<string, string>? _headers;

    /// <summary>
    /// The overall timeout of this call, all attempts together, instead of <see cref="ClerkClientOptionsBase.Timeout"/>
    /// (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/>: none). Null keeps the client's.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// How many times this call may be retried, instead of <see cref="ClerkRetryOptions.MaxRetries"/>: 0 turns retries
    /// off for the call. Null keeps the client's.
    /// </summary>
    public int? MaxRetries { get; set; }

    /// <summary>
    /// True lets the retry handler retry this call after a timeout or a 5xx even when it is a POST or PATCH (it may then
    /// run twice). Null keeps the client's <see cref="ClerkRetryOptions.RetryNonIdempotentRequests"/>.
    /// </summary>
    public bool? RetryNonIdempotent { get; set; }

    /// <summary>
    /// Headers added to the request (e.g. an idempotency or correlation header). A header the SDK sets itself
    /// (<c>Authorization</c>, <c>Clerk-API-Version</c>) is replaced by the value given here.
    /// </summary>
    public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The key this call authenticates with, instead of the client's: a secret key (<c>sk_...</c>, another instance) or
    /// a machine secret key (<c>ak_...</c>) for an operation whose security accepts one (creating, listing, revoking and
    /// verifying M2M tokens). A machine secret key is refused for any other operation, before anything is sent.
    /// Backend API only.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>Refuses settings that cannot apply, before anything is sent.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Timeout"/> is zero or negative (other than infinite), or <see cref="MaxRetries"/> is negative.</exception>
    internal void Validate()
    {
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "ClerkRequestOptions.Timeout must be positive, or Timeout.InfiniteTimeSpan for none.");
        }
        if (MaxRetries is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "ClerkRequestOptions.MaxRetries must be 0 (no retries) or more.");
        }
    }

    /// <summary>
    /// Frontend API only: the session this call acts for (<c>_clerk_session_id</c>), instead of
    /// <see cref="ClerkFrontendClientOptions.SessionId"/>, for an app whose client has several signed-in sessions.
    /// </summary>
    public string? SessionId { get; set; }

    /// <summary>Whether <see cref="Headers"/> has any entry (without creating the dictionary).</summary>
    internal bool HasHeaders => _headers is { Count: > 0 };

    /// <summary>The options of the call a request was sent for, or null.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The options, or null.</returns>
    public static ClerkRequestOptions? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(OptionsKey, out var options) ? options : null;

    /// <summary>A description without the credential.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"ClerkRequestOptions(timeout {(Timeout is { } t ? t.ToString() : "default")}, max retries {(MaxRetries is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "default")}, {(_headers?.Count ?? 0)} header(s), {(SecretKey is null ? "client key" : "key override hidden")})";

    /// <summary>
    /// How many attempts were made for <paramref name="request"/>: <see cref="Attempts"/>, or 1 when it is not set
    /// (the retry handler sets it from the second attempt on).
    /// </summary>
    internal static int AttemptsOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 1;
}
