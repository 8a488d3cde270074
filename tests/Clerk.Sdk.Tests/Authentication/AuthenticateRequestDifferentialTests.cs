using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;
using Clerk.Sdk.TestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// Request authentication against Clerk's own <c>authenticateRequest</c> (@clerk/backend 3.25.0, offline with the same
/// PEM key, publishable key, authorized party and clock; authenticate-with-clerk-backend.mjs): bearer tokens, cookies on
/// page and fetch requests, <c>__client_uat</c>, suffixed cookies of two instances, development instances, handshake
/// return trips, the redirect-loop guard, satellites, proxies, machine tokens and pending sessions. Status, reason and,
/// for a redirect, its target and <c>redirect_url</c> must agree, except in the scenarios marked deliberate (listed with
/// their reason, never counted as agreement).
/// </summary>
[TestFixture]
[NonParallelizable]
public class AuthenticateRequestDifferentialTests
{
    private const string App = "https://app.example.com";
    private static readonly string Live = "pk_live_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("clerk.example.com$"));
    private static readonly string Dev = "pk_test_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("happy-dog-1.clerk.accounts.dev$"));
    private static readonly string Other = "pk_live_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("clerk.other.com$"));
    private const string DevIssuer = "https://happy-dog-1.clerk.accounts.dev";
    private const string OtherIssuer = "https://clerk.other.com";

    private List<Scenario> _scenarios = null!;
    private Dictionary<string, JsonObject> _clerk = null!;
    private List<(string Id, Dictionary<string, object?> Claims, HasCheck[] Checks)> _hasCases = null!;
    private Dictionary<string, JsonArray> _clerkHas = null!;

    private sealed record HasCheck(string? Role = null, string? Permission = null, string? Feature = null, string? Plan = null)
    {
        public override string ToString() => string.Join(", ", new[] { ("role", Role), ("permission", Permission), ("feature", Feature), ("plan", Plan) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}: {p.Item2}"));
    }

    private sealed record Options(string PublishableKey, string[]? Accepts = null, string? Domain = null, bool IsSatellite = false, string? ProxyUrl = null, string? SignInUrl = null, string[]? Audience = null);

    private sealed record Scenario(string Id, string Url, string Method, Dictionary<string, string> Headers, Options Options, string? Deliberate = null);

    [OneTimeSetUp]
    public void RunClerkBackend()
    {
        _scenarios = Scenarios();
        _hasCases = HasCases();
        var input = new JsonObject
        {
            ["hasChecks"] = new JsonArray(_hasCases.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["claims"] = JsonNode.Parse(Json(c.Claims)),
                ["checks"] = new JsonArray(c.Checks.Select(h => (JsonNode)new JsonObject { ["role"] = h.Role, ["permission"] = h.Permission, ["feature"] = h.Feature, ["plan"] = h.Plan }).ToArray()),
            }).ToArray()),
            ["nowMs"] = Now.ToUnixTimeMilliseconds(),
            ["scenarios"] = new JsonArray(_scenarios.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id,
                ["url"] = s.Url,
                ["method"] = s.Method,
                ["headers"] = new JsonObject(s.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))),
                ["options"] = new JsonObject
                {
                    ["publishableKey"] = s.Options.PublishableKey,
                    ["secretKey"] = s.Options.PublishableKey.StartsWith("pk_test_", StringComparison.Ordinal) ? "sk_test_differential" : "sk_live_differential",
                    ["jwtKey"] = PemA,
                    ["authorizedParties"] = new JsonArray(App),
                    ["domain"] = s.Options.Domain,
                    ["isSatellite"] = s.Options.IsSatellite,
                    ["proxyUrl"] = s.Options.ProxyUrl,
                    ["signInUrl"] = s.Options.SignInUrl,
                    ["audience"] = s.Options.Audience is null ? null : new JsonArray(s.Options.Audience.Select(a => (JsonNode)a).ToArray()),
                    ["acceptsToken"] = s.Options.Accepts is null ? null : s.Options.Accepts.Length == 1 ? s.Options.Accepts[0] : new JsonArray(s.Options.Accepts.Select(a => (JsonNode)a).ToArray()),
                },
            }).ToArray()),
        };
        var output = ClerkBackendDifferentialTests.RunNode(input.ToJsonString(), "authenticate-with-clerk-backend.mjs");
        Assert.That((string?)output["backendVersion"], Is.EqualTo("3.25.0"));
        _clerk = output["results"]!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => (string)r["id"]!);
        _clerkHas = output["has"]!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => (string)r["id"]!, r => r["results"]!.AsArray());
    }

    [Test]
    public void Has_AgreesWithClerksHas_ForRolesPermissionsFeaturesAndPlans()
    {
        var checks = 0;
        var disagreements = new List<string>();
        foreach (var (id, claims, list) in _hasCases)
        {
            var payload = System.Text.Json.JsonDocument.Parse(Json(claims)).RootElement.Clone();
            var session = new ClerkSessionClaims(payload, OrganizationClaimsParser.Parse(payload));
            for (var i = 0; i < list.Length; i++)
            {
                checks++;
                var theirs = (bool)_clerkHas[id][i]!;
                var ours = session.Has(list[i].Role, list[i].Permission, list[i].Feature, list[i].Plan);
                if (theirs != ours) disagreements.Add($"{id} has({list[i]}): clerk {theirs}, ours {ours}");
            }
        }
        TestContext.Progress.WriteLine($"has(): {checks - disagreements.Count}/{checks} checks agree with @clerk/backend");
        Assert.That(disagreements, Is.Empty);
        Assert.That(checks, Is.GreaterThanOrEqualTo(40));
    }

    private static List<(string Id, Dictionary<string, object?> Claims, HasCheck[] Checks)> HasCases()
    {
        var organization = SessionClaims()
            .With("o", new Dictionary<string, object?> { ["id"] = "org_2ORG", ["slg"] = "acme", ["rol"] = "admin", ["per"] = "read,manage,delete", ["fpm"] = "3,2" })
            .With("fea", "o:dashboard,o:billing,u:profile,ou:shared")
            .With("pla", "u:free,o:pro");
        var checks = new HasCheck[]
        {
            new(Role: "admin"), new(Role: "org:admin"), new(Role: "org:org:admin"), new(Role: "member"), new(Role: ""),
            new(Permission: "dashboard:read"), new(Permission: "org:dashboard:manage"), new(Permission: "org:billing:manage"), new(Permission: "org:billing:read"),
            new(Permission: "billing:delete"), new(Role: "admin", Permission: "org:billing:read"), new(Role: "admin", Permission: "org:billing:manage"),
            new(Feature: "dashboard"), new(Feature: "org:dashboard"), new(Feature: "organization:billing"), new(Feature: "o:billing"), new(Feature: "u:dashboard"),
            new(Feature: "user:profile"), new(Feature: "profile"), new(Feature: "u:shared"), new(Feature: "o:shared"), new(Feature: "x:profile"), new(Feature: "missing"),
            new(Plan: "pro"), new(Plan: "u:pro"), new(Plan: "organization:pro"), new(Plan: "free"), new(Plan: "user:free"), new(Plan: "org:free"),
            new(Role: "admin", Feature: "dashboard", Plan: "pro"), new(Role: "admin", Feature: "dashboard", Plan: "enterprise"), new(),
        };
        return
        [
            ("organization member with billing", organization, checks),
            ("no organization", SessionClaims().With("fea", "u:profile").With("pla", "u:free"), checks),
            ("v1 claims", SessionClaims().Without("v").With("org_id", "org_1").With("org_role", "org:basic_member").With("org_permissions", new[] { "org:sys_profile:read" }),
                [new(Role: "basic_member"), new(Role: "org:basic_member"), new(Permission: "sys_profile:read"), new(Permission: "org:sys_profile:manage"), new(Feature: "profile")]),
            ("feature claim without a scope", SessionClaims().With("fea", "dashboard").With("pla", "u:free"), [new(Feature: "dashboard"), new(Plan: "free")]),
            ("feature with an empty scope, and both scopes in either order", SessionClaims().With("fea", ":dashboard,uo:reports,ou:export").With("pla", ":free,uo:team"),
                [new(Feature: "dashboard"), new(Feature: "reports"), new(Feature: "u:reports"), new(Feature: "o:reports"), new(Feature: "user:export"), new(Feature: "org:export"),
                 new(Plan: "free"), new(Plan: "team"), new(Plan: "o:team"), new(Plan: "u:team")]),
        ];
    }

    [Test]
    public async Task EveryScenario_AgreesWithClerkBackend_ExceptTheDeliberateOnes()
    {
        var agreed = 0;
        var deliberate = new List<string>();
        var disagreements = new List<string>();
        foreach (var scenario in _scenarios)
        {
            var theirs = Theirs(_clerk[scenario.Id]);
            var ours = await OursAsync(scenario);
            var same = theirs == ours;
            if (scenario.Deliberate is not null)
            {
                deliberate.Add($"{scenario.Id}: {scenario.Deliberate} (clerk {theirs}; ours {ours})");
            }
            else if (same)
            {
                agreed++;
            }
            else
            {
                disagreements.Add($"{scenario.Id}:\n    clerk {theirs}\n    ours  {ours}");
            }
        }
        var countable = _scenarios.Count(s => s.Deliberate is null);
        var statuses = _clerk.Values.GroupBy(r => (string)r["status"]!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var summary = $"authenticate request: {agreed}/{countable} scenarios agree with @clerk/backend ({deliberate.Count} deliberate differences not counted; Clerk's outcomes: {string.Join(", ", statuses)})";
        TestContext.Progress.WriteLine(summary);
        // build/test.sh prints this file (dotnet test hides test output).
        var file = System.IO.Path.Combine(Clerk.Sdk.TestKit.RepoPaths.Root, "TestResults", "authenticate-request-summary.txt");
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllText(file, summary + Environment.NewLine + string.Join(Environment.NewLine, deliberate.Select(d => "  deliberate: " + d[..d.IndexOf(" (clerk ", StringComparison.Ordinal)])) + Environment.NewLine);
        foreach (var line in deliberate) TestContext.Out.WriteLine("  deliberate: " + line);
        Assert.That(disagreements, Is.Empty, string.Join("\n", disagreements));
        Assert.That(countable, Is.GreaterThanOrEqualTo(80));
    }

    /// <summary>What is compared: status, reason (not for signed in), subject (signed in), redirect target and its redirect parameters.</summary>
    private sealed record Outcome(string Status, string? Reason, string? Subject, string? Target, string? RedirectParameters)
    {
        public override string ToString() => $"{Status} reason={Reason} subject={Subject} target={Target} {RedirectParameters}";
    }

    private static Outcome Theirs(JsonObject result)
    {
        var status = (string)result["status"]!;
        var reason = (string?)result["reason"];
        var userId = (string?)result["userId"] ?? (string?)result["subject"];
        var tokenType = (string?)result["tokenType"];
        if (status == "signed-in" && tokenType == "session_token" && userId is null)
        {
            // Clerk's state is signed in but its auth object (treatPendingAsSignedOut) signs a pending session out.
            return new Outcome("signed-out", "session-pending", null, null, null);
        }
        return Make(status, reason, userId, (string?)result["location"]);
    }

    private static async Task<Outcome> OursAsync(Scenario scenario)
    {
        var state = await StateAsync(scenario);
        var status = state.Status switch { ClerkAuthStatus.SignedIn => "signed-in", ClerkAuthStatus.Handshake => "handshake", _ => "signed-out" };
        return Make(status, state.IsSignedIn ? null : state.AuthReason, state.Subject, state.RedirectLocation);
    }

    /// <summary>
    /// Beyond what is compared with Clerk: our whole answer to every scenario (status, token type, reason, Clerk's reason
    /// code, message, and every header a handshake or a signed-out page sets) is reviewed like the public API, in
    /// <c>authenticate-request-states.approved.txt</c> beside this file (tokens shown as &lt;jwt&gt;: the test keys are
    /// made per run). A change fails here and writes the <c>.received.txt</c>; approve it by renaming.
    /// </summary>
    [Test]
    public async Task OurWholeAnswer_ToEveryScenario_IsTheApprovedOne()
    {
        var jwt = new System.Text.RegularExpressions.Regex("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
        var lines = new List<string>();
        foreach (var scenario in _scenarios)
        {
            var state = await StateAsync(scenario);
            lines.Add($"{scenario.Id}: {state.Status} type={state.TokenType?.ToString() ?? "-"} reason={state.Reason?.ToString() ?? "-"} code={state.AuthReason ?? "-"} subject={state.Subject ?? "-"}");
            if (state.Message is { } message) lines.Add($"    message: {jwt.Replace(message, "<jwt>")}");
            foreach (var (name, value) in state.Headers) lines.Add($"    {name}: {jwt.Replace(value, "<jwt>")}");
        }
        var approvedPath = System.IO.Path.Combine(Clerk.Sdk.TestKit.RepoPaths.Root, "tests", "Clerk.Sdk.Tests", "Authentication", "authenticate-request-states.approved.txt");
        Support.ApprovedListing.Verify(lines, approvedPath);
    }

    private static async Task<ClerkRequestState> StateAsync(Scenario scenario)
    {
        var verifier = PemVerifier(o =>
        {
            o.Issuer = null;
            o.PublishableKey = scenario.Options.PublishableKey;
            o.Domain = scenario.Options.Domain;
            o.IsSatellite = scenario.Options.IsSatellite;
            o.ProxyUrl = scenario.Options.ProxyUrl;
            o.SignInUrl = scenario.Options.SignInUrl;
            o.TrustForwardedHeaders = true;
            foreach (var audience in scenario.Options.Audience ?? []) o.Audience.Add(audience);
            o.AcceptedTokenTypes = scenario.Options.Accepts is null ? ClerkTokenTypes.SessionToken : scenario.Options.Accepts.Aggregate(default(ClerkTokenTypes), (all, a) => all | a switch
            {
                "session_token" => ClerkTokenTypes.SessionToken,
                "m2m_token" => ClerkTokenTypes.M2MToken,
                "oauth_token" => ClerkTokenTypes.OAuthToken,
                _ => ClerkTokenTypes.ApiKey,
            });
        });
        var request = new ClerkAuthenticationRequest(new Uri(scenario.Url), scenario.Method);
        foreach (var (name, value) in scenario.Headers) request.Headers[name] = value;
        return await verifier.AuthenticateRequestAsync(request);
    }

    private static Outcome Make(string status, string? reason, string? subject, string? location)
    {
        if (status == "signed-in") return new Outcome(status, null, subject, location is null ? null : Target(location), location is null ? null : Parameters(location));
        return new Outcome(status, reason, null, location is null ? null : Target(location), location is null ? null : Parameters(location));
    }

    private static string Target(string location) => new Uri(location).GetLeftPart(UriPartial.Path);

    /// <summary>The parameters that say where the browser comes back to (sorted, decoded).</summary>
    private static string Parameters(string location)
    {
        var query = new Uri(location).Query.TrimStart('?');
        var kept = new[] { "redirect_url", "__clerk_redirect_url", "__clerk_synced", "__clerk_db_jwt", "__clerk_hs_reason", "suffixed_cookies" };
        return string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.UnescapeDataString(p[0]), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""))
            .Where(p => kept.Contains(p.Name))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }

    // ---- the corpus ----

    private static string Token(Dictionary<string, object?> claims, System.Security.Cryptography.RSA? key = null, Dictionary<string, object?>? header = null) =>
        Sign(header ?? SessionHeader(), claims, key);

    private static Dictionary<string, object?> Claims(string issuer = Issuer) => SessionClaims().With("iss", issuer);

    private static Dictionary<string, string> Page(string? cookie = null) => Headers(cookie, ("sec-fetch-dest", "document"), ("accept", "text/html,application/xhtml+xml"));

    private static Dictionary<string, string> Fetch(string? cookie = null) => Headers(cookie, ("sec-fetch-dest", "empty"), ("accept", "application/json"));

    private static Dictionary<string, string> Headers(string? cookie, params (string Name, string Value)[] headers)
    {
        var result = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        if (cookie is not null) result["cookie"] = cookie;
        return result;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> headers, string name, string value) => new(headers, StringComparer.OrdinalIgnoreCase) { [name] = value };

    private static string Suffix(string publishableKey) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(publishableKey))).Replace('+', '-').Replace('/', '_')[..8];

    private static string HandshakeToken(IEnumerable<string> directives, System.Security.Cryptography.RSA? key = null, string typ = "JWT", Dictionary<string, object?>? extraHeader = null) =>
        HandshakeOf(directives.ToArray(), key, typ, extraHeader);

    /// <summary>A handshake token whose <c>handshake</c> claim is <paramref name="claim"/> (a list of directives, or anything else).</summary>
    private static string HandshakeOf(object claim, System.Security.Cryptography.RSA? key = null, string typ = "JWT", Dictionary<string, object?>? extraHeader = null)
    {
        var header = new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = typ };
        foreach (var (name, value) in extraHeader ?? []) header[name] = value;
        return Sign(header, new Dictionary<string, object?> { ["handshake"] = claim }, key);
    }

    private static List<Scenario> Scenarios()
    {
        var list = new List<Scenario>();
        var live = new Options(Live);
        var dev = new Options(Dev);
        var valid = Token(Claims());
        var expired = Token(Claims().With("exp", NowSeconds - 120).With("iat", NowSeconds - 180).With("nbf", NowSeconds - 180));
        var notYet = Token(Claims().With("nbf", NowSeconds + 600));
        var futureIat = Token(Claims().With("iat", NowSeconds + 600));
        var foreignKey = Token(Claims(), KeyB);
        var noAzp = Token(Claims().Without("azp"));
        var foreignAzp = Token(Claims().With("azp", "https://evil.example.com"));
        var pending = Token(Claims().With("sts", "pending"));
        var m2mJwt = Sign(new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = "JWT", ["cat"] = "cl_B7d4PD333AAA" },
            new Dictionary<string, object?> { ["sub"] = "mch_2xyzMACHINE", ["iat"] = NowSeconds - 10, ["nbf"] = NowSeconds - 10, ["exp"] = NowSeconds + 600, ["jti"] = "mt_2xyzTOKEN", ["iss"] = Issuer });
        var oauthJwt = Sign(new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = "at+jwt" },
            new Dictionary<string, object?> { ["sub"] = "user_2xyzUSER", ["client_id"] = "client_2xyz", ["iat"] = NowSeconds - 10, ["nbf"] = NowSeconds - 10, ["exp"] = NowSeconds + 600, ["jti"] = "oat_2xyz", ["iss"] = Issuer, ["scope"] = "read" });
        var uatOld = (NowSeconds - 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var uatNew = (NowSeconds - 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var url = App + "/dashboard?tab=1";

        void Add(string id, Dictionary<string, string> headers, Options? options = null, string method = "GET", string? at = null, string? deliberate = null) =>
            list.Add(new Scenario(id, at ?? url, method, headers, options ?? live, deliberate));

        // Bearer tokens.
        foreach (var (kind, headers) in new[] { ("page", Page()), ("fetch", Fetch()) })
        {
            Add($"bearer valid ({kind})", With(headers, "authorization", "Bearer " + valid));
            Add($"bearer expired ({kind})", With(headers, "authorization", "Bearer " + expired));
            Add($"bearer garbage ({kind})", With(headers, "authorization", "Bearer not-a-token"));
            Add($"bearer foreign signature ({kind})", With(headers, "authorization", "Bearer " + foreignKey));
            Add($"bearer nbf in the future ({kind})", With(headers, "authorization", "Bearer " + notYet));
            Add($"bearer iat in the future ({kind})", With(headers, "authorization", "Bearer " + futureIat));
            Add($"bearer foreign azp ({kind})", With(headers, "authorization", "Bearer " + foreignAzp));
            Add($"bearer M2M JWT, sessions only ({kind})", With(headers, "authorization", "Bearer " + m2mJwt));
            Add($"bearer pending session ({kind})", With(headers, "authorization", "Bearer " + pending));
        }
        Add("bearer without azp", With(Fetch(), "authorization", "Bearer " + noAzp));
        Add("bearer opaque API key, sessions only", With(Fetch(), "authorization", "Bearer ak_2xyzKEY"));
        Add("authorization without a scheme", With(Fetch(), "authorization", valid));
        Add("authorization Basic", With(Fetch(), "authorization", "Basic dXNlcjpwYXNz"));
        Add("authorization lower-case bearer", With(Fetch(), "authorization", "bearer " + valid),
            deliberate: "the scheme is case-insensitive (RFC 9110); Clerk reads only \"Bearer\" and signs the request out");
        Add("bearer wins over an expired cookie", With(Fetch($"__session={expired}; __client_uat={uatOld}"), "authorization", "Bearer " + valid));

        // Cookies, page and fetch requests.
        foreach (var (kind, make) in new (string, Func<string?, Dictionary<string, string>>)[] { ("page", c => Page(c)), ("fetch", c => Fetch(c)) })
        {
            Add($"no cookies ({kind})", make(null));
            Add($"valid cookie and older client_uat ({kind})", make($"__session={valid}; __client_uat={uatOld}"));
            Add($"valid cookie without client_uat ({kind})", make($"__session={valid}"));
            Add($"valid cookie, client_uat 0: signed out elsewhere ({kind})", make($"__session={valid}; __client_uat=0"));
            Add($"client_uat without cookie ({kind})", make($"__client_uat={uatOld}"));
            Add($"client_uat newer than the token ({kind})", make($"__session={valid}; __client_uat={uatNew}"));
            Add($"expired cookie ({kind})", make($"__session={expired}; __client_uat={uatOld}"));
            Add($"garbage cookie ({kind})", make($"__session=garbage; __client_uat={uatOld}"));
            Add($"cookie with foreign azp ({kind})", make($"__session={foreignAzp}; __client_uat={uatOld}"));
            Add($"cookie holding an M2M JWT ({kind})", make($"__session={m2mJwt}; __client_uat={uatOld}"));
            Add($"pending session cookie ({kind})", make($"__session={pending}; __client_uat={uatOld}"));
            Add($"cookie without azp ({kind})", make($"__session={noAzp}; __client_uat={uatOld}"));
        }
        Add("expired cookie, POST page", Page($"__session={expired}; __client_uat={uatOld}"), method: "POST");
        Add("expired cookie, HEAD page", Page($"__session={expired}; __client_uat={uatOld}"), method: "HEAD");
        Add("expired cookie, Accept text/html without Sec-Fetch-Dest", Headers($"__session={expired}; __client_uat={uatOld}", ("accept", "text/html")));
        Add("expired cookie, iframe", Headers($"__session={expired}; __client_uat={uatOld}", ("sec-fetch-dest", "iframe")));
        Add("expired cookie, redirect count 2", Page($"__session={expired}; __client_uat={uatOld}; __clerk_redirect_count=2"));
        Add("expired cookie, redirect loop (count 3)", Page($"__session={expired}; __client_uat={uatOld}; __clerk_redirect_count=3"));
        Add("expired cookie behind a proxy (X-Forwarded-Host, -Proto)", With(With(Page($"__session={expired}; __client_uat={uatOld}"), "x-forwarded-host", "shop.example.com"), "x-forwarded-proto", "https"),
            at: "http://10.0.0.5:8080/cart?item=7");
        Add("client_uat not a number", Page($"__session={valid}; __client_uat=abc"));
        Add("client_uat with leading digits", Page($"__session={valid}; __client_uat={uatOld}xyz"));
        Add("URL-encoded cookie value", Page($"__session={Uri.EscapeDataString(valid)}; __client_uat={uatOld}"));
        Add("two __session cookies: the first wins", Page($"__session={valid}; __session={expired}; __client_uat={uatOld}"));

        // Suffixed cookies: this instance's and another's on one domain.
        var suffix = Suffix(Live);
        var otherValid = Token(Claims(OtherIssuer), KeyB);
        var olderValid = Token(Claims().With("iat", NowSeconds - 30));
        Add("suffixed cookies only", Page($"__session_{suffix}={valid}; __client_uat_{suffix}={uatOld}"));
        Add("another instance's unsuffixed cookie beside ours suffixed", Page($"__session={otherValid}; __client_uat={uatOld}; __session_{suffix}={valid}; __client_uat_{suffix}={uatOld}"));
        Add("another instance's unsuffixed cookie, ours missing", Page($"__session={otherValid}; __client_uat={uatOld}"));
        Add("unsuffixed newer than suffixed", Page($"__session={valid}; __client_uat={uatOld}; __session_{suffix}={olderValid}; __client_uat_{suffix}={uatOld}"));
        Add("suffixed signed out (client_uat 0), unsuffixed signed in", Page($"__session={valid}; __client_uat={uatOld}; __session_{suffix}={valid}; __client_uat_{suffix}=0"));
        Add("suffixed session without suffixed client_uat", Page($"__session_{suffix}={valid}; __client_uat={uatOld}"));
        Add("unsuffixed session without iss", Page($"__session={Token(Claims().Without("iss"))}; __client_uat={uatOld}; __session_{suffix}={valid}; __client_uat_{suffix}={uatOld}"),
            deliberate: "a session token's iss must be the Frontend API URL of the publishable key; Clerk does not check iss, so it takes the cookie without one");
        Add("suffixed expired cookie (page)", Page($"__session_{suffix}={expired}; __client_uat_{suffix}={uatOld}"));

        // Development instance.
        var devValid = Token(Claims(DevIssuer));
        var devExpired = Token(Claims(DevIssuer).With("exp", NowSeconds - 120).With("iat", NowSeconds - 180).With("nbf", NowSeconds - 180));
        var devSuffix = Suffix(Dev);
        Add("dev: no dev-browser token (page)", Page($"__session={devValid}; __client_uat={uatOld}"), dev);
        Add("dev: no dev-browser token (fetch)", Fetch($"__session={devValid}; __client_uat={uatOld}"), dev);
        Add("dev: dev-browser cookie, valid session", Page($"__session={devValid}; __client_uat={uatOld}; __clerk_db_jwt=dvb_2xyz"), dev);
        Add("dev: dev-browser token in the query (page)", Page($"__clerk_db_jwt=dvb_2old"), dev, at: url + "&__clerk_db_jwt=dvb_2xyz");
        Add("dev: dev-browser cookie, expired session (page)", Page($"__session={devExpired}; __client_uat={uatOld}; __clerk_db_jwt=dvb_2xyz"), dev);
        Add("dev: suffixed dev-browser cookie, expired session (page)", Page($"__session_{devSuffix}={devExpired}; __client_uat_{devSuffix}={uatOld}; __clerk_db_jwt_{devSuffix}=dvb_2sfx"), dev);
        Add("dev: no cookies at all (page)", Page(), dev);
        Add("dev: primary answers a satellite's sync", Page($"__session={devValid}; __client_uat={uatOld}; __clerk_db_jwt=dvb_2xyz"), dev,
            at: App + "/sign-in?__clerk_redirect_url=" + Uri.EscapeDataString("https://sat.example.net/orders?x=1"));

        // Handshake return trips.
        var cookies = new[] { $"__session={valid}; Path=/; SameSite=Lax; Secure", $"__client_uat={uatOld}; Path=/; SameSite=Lax; Secure" };
        Add("handshake token in the query", Page(), at: url + "&__clerk_handshake=" + HandshakeToken(cookies));
        Add("handshake token in a cookie", Page("__clerk_handshake=" + HandshakeToken(cookies)));
        Add("handshake signed with another key", Page(), at: url + "&__clerk_handshake=" + HandshakeToken(cookies, KeyB));
        Add("handshake of type at+jwt", Page(), at: url + "&__clerk_handshake=" + HandshakeToken(cookies, typ: "at+jwt"));
        Add("handshake carrying an expired session", Page(), at: url + "&__clerk_handshake=" + HandshakeToken([$"__session={expired}; Path=/", $"__client_uat={uatOld}; Path=/"]));
        Add("handshake without a session cookie (signed out)", Page(), at: url + "&__clerk_handshake=" + HandshakeToken([$"__client_uat=0; Path=/"]));
        Add("handshake garbage", Page($"__session={valid}; __client_uat={uatOld}"), at: url + "&__clerk_handshake=garbage");
        Add("dev: handshake token in the query", Page("__clerk_db_jwt=dvb_2xyz"), dev,
            at: url + "&__clerk_db_jwt=dvb_2xyz&__clerk_handshake=" + HandshakeToken([$"__session={devValid}; Path=/", $"__client_uat={uatOld}; Path=/"]));

        // Satellites.
        var satellite = new Options(Live, Domain: "sat.example.net", IsSatellite: true);
        var devSatellite = new Options(Dev, Domain: "sat.example.net", IsSatellite: true, SignInUrl: "https://app.example.com/sign-in");
        var sat = "https://sat.example.net/orders?x=1";
        Add("satellite: no cookies, no sync", Page(), satellite, at: sat);
        Add("satellite: needs sync (__clerk_synced=false)", Page(), satellite, at: sat + "&__clerk_synced=false");
        Add("satellite: synced, cookies valid", Page($"__session={valid}; __client_uat={uatOld}"), satellite, at: sat);
        Add("satellite: sync completed, no cookies", Page(), satellite, at: sat + "&__clerk_synced=true");
        Add("satellite: expired cookie", Page($"__session={expired}; __client_uat={uatOld}"), satellite, at: sat);
        Add("satellite: fetch without cookies", Fetch(), satellite, at: sat + "&__clerk_synced=false");
        Add("dev satellite: needs sync", Page("__clerk_db_jwt=dvb_2xyz"), devSatellite, at: sat + "&__clerk_synced=false");
        Add("dev satellite: valid cookies", Page($"__session={devValid}; __client_uat={uatOld}; __clerk_db_jwt=dvb_2xyz"), devSatellite, at: sat);

        // Proxy URLs.
        Add("proxy URL: expired cookie", Page($"__session={expired}; __client_uat={uatOld}"), new Options(Live, ProxyUrl: "https://app.example.com/__clerk"));
        Add("relative proxy URL: expired cookie", Page($"__session={expired}; __client_uat={uatOld}"), new Options(Live, ProxyUrl: "/__clerk"));
        Add("proxy URL: valid cookie", Page($"__session={valid}; __client_uat={uatOld}"), new Options(Live, ProxyUrl: "/__clerk"));

        // Machine tokens and accepted kinds.
        Add("accepts session + M2M: M2M JWT", Fetch() is var f1 ? With(f1, "authorization", "Bearer " + m2mJwt) : f1, new Options(Live, ["session_token", "m2m_token"]));
        Add("accepts session + OAuth: OAuth JWT", With(Fetch(), "authorization", "Bearer " + oauthJwt), new Options(Live, ["session_token", "oauth_token"]));
        Add("accepts session + M2M: OAuth JWT", With(Fetch(), "authorization", "Bearer " + oauthJwt), new Options(Live, ["session_token", "m2m_token"]));
        Add("accepts session + API key: mt_ token", With(Fetch(), "authorization", "Bearer mt_2xyz"), new Options(Live, ["session_token", "api_key"]));
        Add("accepts M2M only: session token", With(Fetch(), "authorization", "Bearer " + valid), new Options(Live, ["m2m_token"]));
        Add("accepts M2M only: M2M JWT", With(Fetch(), "authorization", "Bearer " + m2mJwt), new Options(Live, ["m2m_token"]));
        Add("accepts M2M only: no header", Fetch($"__session={valid}; __client_uat={uatOld}"), new Options(Live, ["m2m_token"]));
        Add("accepts OAuth only: no header", Fetch(), new Options(Live, ["oauth_token"]));
        Add("accepts API keys + M2M: no header", Fetch($"__session={valid}; __client_uat={uatOld}"), new Options(Live, ["api_key", "m2m_token"]));
        Add("accepts session + M2M: cookie", Page($"__session={valid}; __client_uat={uatOld}"), new Options(Live, ["session_token", "m2m_token"]));
        Add("accepts session + M2M: session bearer", With(Fetch(), "authorization", "Bearer " + valid), new Options(Live, ["session_token", "m2m_token"]));
        Add("accepts every kind: expired M2M JWT", With(Fetch(), "authorization", "Bearer " + Sign(new Dictionary<string, object?> { ["alg"] = "RS256", ["kid"] = KidA, ["typ"] = "JWT", ["cat"] = "cl_B7d4PD333AAA" },
            new Dictionary<string, object?> { ["sub"] = "mch_2xyz", ["iat"] = NowSeconds - 900, ["exp"] = NowSeconds - 300, ["jti"] = "mt_2x", ["iss"] = Issuer })), new Options(Live, ["session_token", "m2m_token", "oauth_token", "api_key"]));

        // Audience.
        var apiAudience = new Options(Live, Audience: ["https://api.example.com"]);
        Add("audience: token for it", With(Fetch(), "authorization", "Bearer " + Token(Claims().With("aud", "https://api.example.com"))), apiAudience);
        Add("audience: token for another", With(Fetch(), "authorization", "Bearer " + Token(Claims().With("aud", "https://other.example.com"))), apiAudience);
        Add("audience: token for several, one of them", With(Fetch(), "authorization", "Bearer " + Token(Claims().With("aud", new[] { "x", "https://api.example.com" }))), apiAudience);
        Add("audience: token without aud", With(Fetch(), "authorization", "Bearer " + valid), apiAudience);
        Add("audience: cookie for another (page)", Page($"__session={Token(Claims().With("aud", "https://other.example.com"))}; __client_uat={uatOld}"), apiAudience);

        // Cross-origin page navigations on the primary domain.
        var signedIn = $"__session={valid}; __client_uat={uatOld}";
        Add("referrer from another site", With(Page(signedIn), "referer", "https://elsewhere.example.org/page"));
        Add("referrer from the Frontend API", With(Page(signedIn), "referer", "https://clerk.example.com/v1/client"));
        Add("referrer from the Account Portal", With(Page(signedIn), "referer", "https://accounts.example.com/sign-in"));
        Add("referrer from the same origin", With(Page(signedIn), "referer", App + "/home"));
        Add("referrer from another site, after one redirect", With(Page(signedIn + "; __clerk_redirect_count=1"), "referer", "https://elsewhere.example.org/page"));
        Add("referrer from another site, fetch", With(Fetch(signedIn), "referer", "https://elsewhere.example.org/page"));
        Add("referrer that is not a URL", With(Page(signedIn), "referer", "not a url"));
        Add("live: referrer from a development Account Portal", With(Page(signedIn), "referer", "https://happy-dog-1.accounts.dev/sign-in"));
        Add("proxy URL: referrer from the proxy's host", With(Page(signedIn), "referer", "https://proxy.example.com/page"), new Options(Live, ProxyUrl: "https://proxy.example.com/__clerk"));
        var devSignedIn = $"__session={devValid}; __client_uat={uatOld}; __clerk_db_jwt=dvb_2xyz";
        Add("dev: referrer from the development Account Portal", With(Page(devSignedIn), "referer", "https://happy-dog-1.accounts.dev/sign-in"), dev);
        Add("dev: referrer from accounts.*.lcl.dev", With(Page(devSignedIn), "referer", "https://accounts.foo.lcl.dev/sign-in"), dev);
        Add("dev: referrer from another instance's Frontend API (*.clerk.accounts.dev)", With(Page(devSignedIn), "referer", "https://other-cat-2.clerk.accounts.dev/v1/client"), dev);
        Add("dev: referrer from another site", With(Page(devSignedIn), "referer", "https://elsewhere.example.org/page"), dev);
        var staging = "pk_live_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("clerk.accountsstage.example.com$"));
        var stagingSignedIn = $"__session={Token(Claims("https://clerk.accountsstage.example.com"))}; __client_uat={uatOld}";
        Add("staging Frontend API: referrer from its Account Portal", With(Page(stagingSignedIn), "referer", "https://accountsstage.example.com/sign-in"), new Options(staging));
        Add("staging Frontend API: referrer from another site", With(Page(stagingSignedIn), "referer", "https://example.com/sign-in"), new Options(staging));

        // Bearer and page details.
        Add("bearer expired, POST", With(Fetch(), "authorization", "Bearer " + expired), method: "POST");
        Add("bearer expired, POST page", With(Page(), "authorization", "Bearer " + expired), method: "POST");
        Add("bearer with another token category (cat)", With(Fetch(), "authorization", "Bearer " + Token(Claims(), header: SessionHeader().With("cat", "cl_B7d4PD999ZZZ"))));
        Add("bearer with the neutral token category", With(Fetch(), "authorization", "Bearer " + Token(Claims(), header: SessionHeader().With("cat", "cl_I7d4PD111III"))));
        // Signed as it is: the payload ("{}1") is what fails, not the signature.
        var unreadablePayload = SignSegments(valid.Split('.')[0], "e30x", KeyA);
        Add("bearer with an unreadable payload", With(Fetch(), "authorization", "Bearer " + unreadablePayload));
        Add("cookie with an unreadable payload (page)", Page($"__session={unreadablePayload}; __client_uat={uatOld}"));
        Add("cookie holding an OAuth JWT (page)", Page($"__session={oauthJwt}; __client_uat={uatOld}"));
        Add("client_uat equal to the token's iat", Page($"__session={Token(Claims().With("iat", NowSeconds - 60))}; __client_uat={uatOld}"));
        var expiredCookie = $"__session={expired}; __client_uat={uatOld}";
        Add("expired cookie, Sec-Fetch-Dest empty with Accept text/html", Headers(expiredCookie, ("sec-fetch-dest", "empty"), ("accept", "text/html")));
        Add("expired cookie, Accept application/json without Sec-Fetch-Dest", Headers(expiredCookie, ("accept", "application/json")));
        Add("expired cookie, neither Accept nor Sec-Fetch-Dest", Headers(expiredCookie));
        Add("expired cookie behind a proxy (Host, X-Forwarded-Proto)", With(With(Page(expiredCookie), "host", "shop.example.com"), "x-forwarded-proto", "https"), at: "http://10.0.0.5:8080/cart?item=7");
        Add("expired cookie behind a proxy (two X-Forwarded-Host values)", With(Page(expiredCookie), "x-forwarded-host", "shop.example.com, internal.local"), at: "http://10.0.0.5:8080/cart?item=7");
        Add("bearer expired, page with a session cookie too", With(Page($"__session={Token(Claims().With("sid", "sess_COOKIE"))}; __client_uat={uatOld}"), "authorization", "Bearer " + expired));

        // Suffixed cookies: which pair Clerk reads.
        Add("unsuffixed newer but signed out (client_uat 0), suffixed signed in", Page($"__session={valid}; __client_uat=0; __session_{suffix}={olderValid}; __client_uat_{suffix}={uatOld}"));
        Add("suffixed client_uat only", Page($"__client_uat_{suffix}={uatOld}"));
        Add("both pairs of one iat, the unsuffixed one for another party", Page($"__session={foreignAzp}; __client_uat={uatOld}; __session_{suffix}={valid}; __client_uat_{suffix}={uatOld}"));
        Add("empty suffixed client_uat beside an unsuffixed one", Page($"__client_uat_{suffix}=; __client_uat={uatOld}; __session_{suffix}={valid}"));
        Add("garbage unsuffixed session beside suffixed cookies", Page($"__session=garbage; __session_{suffix}={valid}; __client_uat_{suffix}={uatOld}"));
        Add("live: suffixed session expired, unsuffixed client_uat 0", Page($"__session_{suffix}={expired}; __client_uat_{suffix}={uatOld}; __client_uat=0"));
        var devExpiringNow = Token(Claims(DevIssuer).With("exp", NowSeconds).With("iat", NowSeconds - 180).With("nbf", NowSeconds - 180));
        var devExpiringNext = Token(Claims(DevIssuer).With("exp", NowSeconds + 1).With("iat", NowSeconds - 180).With("nbf", NowSeconds - 180));
        Add("dev: suffixed session expired, unsuffixed client_uat 0", Page($"__session_{devSuffix}={devExpired}; __client_uat_{devSuffix}={uatOld}; __client_uat=0; __clerk_db_jwt=dvb_2xyz"), dev);
        Add("dev: suffixed session expiring this second, unsuffixed client_uat 0", Page($"__session_{devSuffix}={devExpiringNow}; __client_uat_{devSuffix}={uatOld}; __client_uat=0; __clerk_db_jwt=dvb_2xyz"), dev);
        Add("dev: suffixed session expiring next second, unsuffixed client_uat 0", Page($"__session_{devSuffix}={devExpiringNext}; __client_uat_{devSuffix}={uatOld}; __client_uat=0; __clerk_db_jwt=dvb_2xyz"), dev);

        // Satellites and syncing.
        Add("satellite: client_uat only", Page($"__client_uat={uatOld}"), satellite, at: sat);
        Add("satellite: valid cookies but __clerk_synced=false", Page(signedIn), satellite, at: sat + "&__clerk_synced=false");
        Add("dev satellite: valid cookies, referrer from another site", With(Page(devSignedIn), "referer", "https://elsewhere.example.org/page"), devSatellite, at: sat);
        Add("dev satellite: sync completed, no cookies, no dev browser", Page(), devSatellite, at: sat + "&__clerk_synced=true");
        Add("dev satellite: __clerk_synced without a value", Page("__clerk_db_jwt=dvb_2xyz"), devSatellite, at: sat + "&__clerk_synced");
        Add("live primary ignores __clerk_redirect_url", Page(signedIn), at: App + "/sign-in?__clerk_redirect_url=" + Uri.EscapeDataString("https://sat.example.net/orders?x=1"));
        Add("dev: primary answers a sync, dev browser in the query", Page($"__session={devValid}; __client_uat={uatOld}"), dev,
            at: App + "/sign-in?__clerk_db_jwt=dvb_2q&__clerk_redirect_url=" + Uri.EscapeDataString("https://sat.example.net/orders?__clerk_synced=false"));
        Add("dev: __clerk_db_jwt without a value in the query", Page(devSignedIn), dev, at: url + "&__clerk_db_jwt");
        Add("dev: handshake redirect drops __dev_session", Page($"__session={devExpired}; __client_uat={uatOld}; __clerk_db_jwt=dvb_2xyz"), dev, at: url + "&__dev_session=old");

        // Handshake return trips: what is refused, and how directives are read.
        Add("handshake with another token category", Page(), at: url + "&__clerk_handshake=" + HandshakeToken(cookies, extraHeader: new() { ["cat"] = "cl_B7d4PD999ZZZ" }));
        Add("handshake with a crit header", Page(), at: url + "&__clerk_handshake=" + HandshakeToken(cookies, extraHeader: new() { ["crit"] = new[] { "b64" }, ["b64"] = true }),
            deliberate: "a JWT whose crit header lists extensions is refused everywhere (RFC 7515: none is supported), the handshake too; Clerk's SDK does not read crit");
        Add("handshake claim that is not a list", Page(), at: url + "&__clerk_handshake=" + HandshakeOf($"__session={valid}; Path=/"));
        Add("handshake directive without a value", Page(), at: url + "&__clerk_handshake=" + HandshakeToken(["__session; Path=/", $"__client_uat={uatOld}; Path=/"]));
        Add("handshake with a suffixed session directive", Page(), at: url + "&__clerk_handshake=" + HandshakeToken([$"__session_{suffix}={valid}; Path=/", $"__client_uat_{suffix}={uatOld}; Path=/"]));
        Add("handshake in the query beside a stale one in a cookie", Page("__clerk_handshake=garbage"), at: url + "&__clerk_handshake=" + HandshakeToken(cookies));
        Add("empty handshake in the query beside one in a cookie", Page("__clerk_handshake=" + HandshakeToken(cookies)), at: url + "&__clerk_handshake=");
        var devCookies = new[] { $"__session={devValid}; Path=/", $"__client_uat={uatOld}; Path=/" };
        var devHandshake = url + "&__clerk_help=1&__clerk_db_jwt=dvb_2xyz&__clerk_handshake=";
        Add("dev: handshake return trip drops its parameters from the redirect", Page("__clerk_db_jwt=dvb_2xyz"), dev, at: devHandshake + HandshakeToken(devCookies));
        Add("dev: handshake token beside a handshake nonce", Page("__clerk_db_jwt=dvb_2xyz"), dev, at: url + "&__clerk_handshake_nonce=n1&__clerk_db_jwt=dvb_2xyz&__clerk_handshake=" + HandshakeToken(devCookies),
            deliberate: "a handshake nonce is not resolved (the pinned Backend API spec has no handshake-payload operation), so the signed handshake beside it is used and the nonce dropped from the redirect; Clerk reads the nonce first");
        Add("dev: handshake carrying a session expired two minutes ago", Page("__clerk_db_jwt=dvb_2xyz"), dev, at: devHandshake + HandshakeToken([$"__session={devExpired}; Path=/", $"__client_uat={uatOld}; Path=/"]));
        var devLongExpired = Token(Claims(DevIssuer).With("exp", NowSeconds - 2 * 86_400).With("iat", NowSeconds - 3 * 86_400).With("nbf", NowSeconds - 3 * 86_400));
        Add("dev: handshake carrying a session expired two days ago", Page("__clerk_db_jwt=dvb_2xyz"), dev, at: devHandshake + HandshakeToken([$"__session={devLongExpired}; Path=/", $"__client_uat={uatOld}; Path=/"]));
        Add("dev: handshake carrying a session signed with another key", Page("__clerk_db_jwt=dvb_2xyz"), dev, at: devHandshake + HandshakeToken([$"__session={Token(Claims(DevIssuer), KeyB)}; Path=/", $"__client_uat={uatOld}; Path=/"]));
        Add("live: handshake carrying an expired session, with cookies", Page($"__session={valid}; __client_uat={uatOld}"), at: url + "&__clerk_handshake=" + HandshakeToken([$"__session={expired}; Path=/"]));

        // Found by the second mutation run (issue #20).
        Add("dev satellite: valid cookies but __clerk_synced=false", Page(devSignedIn), devSatellite, at: sat + "&__clerk_synced=false");
        Add("handshake with the session category", Page(), at: url + "&__clerk_handshake=" + HandshakeToken(cookies, extraHeader: new() { ["cat"] = "cl_B7d4PD111AAA" }));
        Add("dev: referrer from accounts.example.com", With(Page(devSignedIn), "referer", "https://accounts.example.com/sign-in"), dev);
        Add("dev: referrer from foo.lcl.dev", With(Page(devSignedIn), "referer", "https://foo.lcl.dev/sign-in"), dev);
        Add("dev: referrer from another instance's development Account Portal", With(Page(devSignedIn), "referer", "https://other-cat-2.accounts.dev/sign-in"), dev);
        Add("expired cookie behind a proxy: X-Forwarded-Host wins over Host", With(With(With(Page(expiredCookie), "x-forwarded-host", "shop.example.com"), "host", "10.0.0.5:8080"), "x-forwarded-proto", "https"),
            at: "http://10.0.0.5:8080/cart?item=7");
        Add("unsuffixed newer than an expired suffixed session", Page($"__session={valid}; __client_uat={uatOld}; __session_{suffix}={Token(Claims().With("iat", NowSeconds - 300).With("nbf", NowSeconds - 300).With("exp", NowSeconds - 200))}; __client_uat_{suffix}={uatOld}"));

        // Machine tokens with one accepted kind.
        Add("accepts M2M only: API key", With(Fetch(), "authorization", "Bearer ak_2xyzKEY"), new Options(Live, ["m2m_token"]));
        Add("accepts API keys only: M2M JWT", With(Fetch(), "authorization", "Bearer " + m2mJwt), new Options(Live, ["api_key"]));
        return list;
    }
}
