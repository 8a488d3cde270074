using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using Clerk.Sdk.ConformanceTests.Invocation;
using Clerk.Sdk.TestKit.Spec;

namespace Clerk.Sdk.ConformanceTests;

/// <summary>
/// One API under test: the documents the build wrote for it (normalized: what the SDK was generated from; mock: what
/// Prism serves), the public facade its operations are called on (<see cref="ClerkClient"/> or
/// <see cref="ClerkFrontendClient"/>) and what that facade adds to every request on its own.
/// </summary>
internal sealed class ConformanceApi
{
    /// <summary>The Backend API (<c>https://api.clerk.com/v1</c>, secret key): <c>clerk.Users.ListAsync(...)</c>.</summary>
    public static readonly ConformanceApi Backend = new(
        "BackendApi",
        "conformance",
        (server, http) => new ClerkClient(new ClerkClientOptions { SecretKey = SecretKey, MachineSecretKey = MachineSecretKey, ApiUrl = server.ToString(), HttpClient = http, StrictResponses = true }),
        new RequestExpectations(new HashSet<string>(StringComparer.Ordinal), OnEveryRequest: [], WithBearer: [], SendsBasic: false, "openapi/overlays/bapi"));

    /// <summary>
    /// The Frontend API (the instance's host, native-app credentials): <c>clerk.Sessions.TouchSessionAsync(...)</c>.
    /// Its paths start with <c>/v1/</c> (or <c>/oauth/</c>, <c>/.well-known/</c>) and the facade's base URL is the host,
    /// so its requests go to Prism's root unchanged.
    /// </summary>
    public static readonly ConformanceApi Frontend = new(
        "FrontendApi",
        "conformance (Frontend API)",
        (server, http) => new ClerkFrontendClient(new ClerkFrontendClientOptions
        {
            PublishableKey = PublishableKey,
            FrontendApiUrl = server.ToString(),
            ClientToken = ClientToken,
            SessionId = SessionId,
            OAuthClientId = "conformance_oauth_client",
            OAuthClientSecret = "conformance_oauth_secret",
            HttpClient = http,
            StrictResponses = true,
        }),
        new RequestExpectations(
            // FrontendRequestHeaders adds these; the spec does not declare them per operation (_clerk_session_id is a
            // parameter of 32 operations, removed from each by openapi/overlays/fapi/10-native-app.yaml; __clerk_api_version
            // of none). _is_native is not listed: the spec declares it, as security scheme ProductionNativeFlag.
            new HashSet<string>(StringComparer.Ordinal) { "__clerk_api_version", "_clerk_session_id" },
            OnEveryRequest: [("__clerk_api_version", ClerkFrontendClient.GeneratedApiVersion)],
            // Native-app authentication (ProductionNativeApp + ProductionNativeFlag): the client token, _is_native, the session.
            WithBearer: [("_is_native", "true"), ("_clerk_session_id", SessionId)],
            // The OAuth endpoints that take HTTP Basic client authentication (ClientCredentials) get the OAuth client.
            SendsBasic: true,
            "openapi/overlays/fapi"));

    /// <summary>A key shaped like a real one (the client validates its form); Prism only checks a bearer token is present.</summary>
    private const string SecretKey = "sk_test_c0nf0rmanceSuiteKey0000000000000000";

    /// <summary>For the operations whose security asks for a machine secret key (creating an M2M token).</summary>
    private const string MachineSecretKey = "ak_3beecc9c60adb5f9b850e91a8ee1e992";

    /// <summary>A session id matching the spec's pattern for <c>_clerk_session_id</c>.</summary>
    private const string SessionId = "sess_c0nf0rmanceSuiteSession00000";

    /// <summary>A client token shaped like Clerk's (a JWT); never checked by Prism beyond being a bearer token.</summary>
    private const string ClientToken = "eyJhbGciOiJSUzI1NiJ9.eyJpZCI6ImNsaWVudF9jb25mb3JtYW5jZSJ9.c2lnbmF0dXJl";

    private readonly Lazy<ApiSpec> _normalized;
    private readonly Lazy<ApiSpec> _mock;
    private readonly Func<Uri, HttpClient, object> _createClient;

    private ConformanceApi(string name, string summaryLabel, Func<Uri, HttpClient, object> createClient, RequestExpectations expectations)
    {
        Name = name;
        SummaryLabel = summaryLabel;
        _createClient = createClient;
        Expectations = expectations;
        const string remedy = "it is written by the Clerk.Sdk build (build/Clerk.CodeGen.targets); run 'dotnet build src/Clerk.Sdk' or build/test.sh";
        _normalized = new(() => ApiSpec.Load(ConformancePaths.Require(NormalizedSpecPath, remedy)));
        _mock = new(() => ApiSpec.Load(ConformancePaths.Require(MockSpecPath, remedy)));
    }

    /// <summary>Both APIs, in the order the summary prints them.</summary>
    public static IReadOnlyList<ConformanceApi> All { get; } = [Backend, Frontend];

    /// <summary>The build's name of the API (<c>BackendApi</c>, <c>FrontendApi</c>): file names, case names.</summary>
    public string Name { get; }

    /// <summary>How the summary line starts: <c>conformance</c>, <c>conformance (Frontend API)</c>.</summary>
    public string SummaryLabel { get; }

    /// <summary>Whether the facade's own transport follows redirects (the Backend API's does; the Frontend API's returns them: ClerkRedirect).</summary>
    public bool FollowsRedirects => this != Frontend;

    /// <summary>What the facade adds to requests on its own (checked on every exchange against the operation's security).</summary>
    public RequestExpectations Expectations { get; }

    /// <summary>The normalized spec: operation ids, C# parameter names, query names, request schemas.</summary>
    public ApiSpec Normalized => _normalized.Value;

    /// <summary>The mock document: the same operations with their error responses and form bodies (what Prism serves).</summary>
    public ApiSpec Mock => _mock.Value;

    public string NormalizedSpecPath => ConformancePaths.CodeGen(Name, "normalized");

    public string MockSpecPath => ConformancePaths.CodeGen(Name, "mock");


    public static ConformanceApi Named(string name) =>
        All.FirstOrDefault(a => a.Name == name) ?? throw new ArgumentException($"No API named '{name}' (known: {string.Join(", ", All.Select(a => a.Name))})", nameof(name));

    /// <summary>A facade pointed at <paramref name="server"/> whose requests go through <paramref name="http"/>.</summary>
    public object CreateClient(Uri server, HttpClient http) => _createClient(server, http);

    public override string ToString() => Name;

    /// <summary>A publishable key for a host the suite never contacts (FrontendApiUrl points the client at Prism).</summary>
    private static string PublishableKey => "pk_test_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("conformance.clerk.accounts.dev$")).TrimEnd('=');
}
