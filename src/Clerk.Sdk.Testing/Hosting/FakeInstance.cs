using System;
using System.Collections.Generic;
using Clerk.Testing.Spec;
using Clerk.Testing.Store;
using Clerk.Testing.Tokens;

namespace Clerk.Testing.Hosting;

/// <summary>What the endpoints of one fake share: its state, its signing key, the spec and its settings.</summary>
internal sealed class FakeInstance
{
    public FakeInstance(FakeClerkServerOptions options, string secretKey, Clerk.PublishableKey publishableKey)
    {
        var frontendApiUrl = "https://" + publishableKey.FrontendApiHost;
        PublishableKey = publishableKey;
        Options = options;
        Time = options.TimeProvider ?? TimeProvider.System;
        Store = new FakeStore(Time);
        Signer = new SessionTokenSigner(frontendApiUrl, Time);
        SecretKeys = new HashSet<string>(StringComparer.Ordinal) { secretKey };
        foreach (var key in options.AdditionalSecretKeys)
        {
            SecretKeys.Add(key);
        }
        FrontendApiUrl = frontendApiUrl;
        Validator = new RequestValidator(Spec);
    }

    public FakeClerkServerOptions Options { get; }

    public TimeProvider Time { get; }

    public FakeStore Store { get; }

    public SessionTokenSigner Signer { get; }

    public HashSet<string> SecretKeys { get; }

    public string FrontendApiUrl { get; }

    /// <summary>The fake instance's publishable key (a development key unless its options say otherwise).</summary>
    public Clerk.PublishableKey PublishableKey { get; }

    public SpecDocument Spec => SpecDocument.Instance;

    public RequestValidator Validator { get; }
}
