using System;
using System.Collections.Generic;

namespace Clerk.Testing;

/// <summary>Settings of a <see cref="FakeClerkServer"/>; every one has a default.</summary>
public sealed class FakeClerkServerOptions
{
    /// <summary>
    /// The secret key the fake accepts (<c>sk_test_...</c>); default a new random one per fake, so the JWKS cache of
    /// <see cref="Clerk.Authentication.ClerkTokenVerifier"/> (per API URL and secret key) never mixes two fakes.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <summary>Further secret keys the fake accepts (e.g. the one your application reads from its configuration).</summary>
    public IList<string> AdditionalSecretKeys { get; } = new List<string>();

    /// <summary>
    /// The host of the fake's Frontend API (the <c>iss</c> of its session tokens, encoded in its publishable key);
    /// default <c>fake-&lt;random&gt;.clerk.test</c>.
    /// </summary>
    public string? FrontendApiHost { get; set; }

    /// <summary>The clock for timestamps, expiries and token times (a fake clock in tests); default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Creating a user needs an identifier, as an instance that signs in by email requires: an email address, phone
    /// number, username or Web3 wallet (default true). Without one the fake answers 422 <c>form_param_missing</c>
    /// (<c>email_address</c>). Set false for an instance that allows users without any.
    /// </summary>
    public bool RequireIdentifier { get; set; } = true;

    /// <summary>Returns the settings without the secret keys.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"FakeClerkServerOptions(SecretKey={(SecretKey is null ? "<random>" : "<set>")}, AdditionalSecretKeys={AdditionalSecretKeys.Count}, FrontendApiHost={FrontendApiHost ?? "<random>"})";
}
