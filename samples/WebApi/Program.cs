using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Clerk.AspNetCore;
using Clerk.BackendApi;   // the models (User, DeletedObject, ...): the API returns them and webhook events carry them
using Clerk.Webhooks;     // ClerkWebhookEvent, ClerkWebhookEventTypes
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebApi;

// A minimal API protected by Clerk. Configuration: the "Clerk" section of appsettings.json, or the environment
// (Clerk__SecretKey, Clerk__JwtKey, Clerk__AuthorizedParties, Clerk__WebhookSecret; or CLERK_SECRET_KEY, CLERK_JWT_KEY,
// CLERK_WEBHOOK_SECRET). The host does not start without a secret key, and MapClerkWebhooks needs the signing secret.
var builder = WebApplication.CreateBuilder(args);

// Without a secret key (no Clerk account at hand) the sample runs on the SDK's fake Clerk on loopback: its Backend API,
// keys and a webhook secret. `dotnet run -- --smoke` starts, calls /me with a session token of the fake, and stops.
await using var fake = string.IsNullOrEmpty(builder.Configuration["Clerk:SecretKey"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CLERK_SECRET_KEY"))
    ? await Clerk.Testing.FakeClerkServer.StartOnLoopbackAsync()
    : null;
if (fake is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Clerk:SecretKey"] = fake.SecretKey,
        ["Clerk:ApiUrl"] = fake.ApiUrl,
        ["Clerk:PublishableKey"] = fake.PublishableKey,
        ["Clerk:JwtKey"] = fake.JwtPublicKeyPem,
        ["Clerk:WebhookSecret"] = Clerk.Testing.ClerkWebhookSigner.NewSecret(),
    });
}
var smoke = args.Contains("--smoke");
if (smoke) builder.WebHost.UseUrls("http://127.0.0.1:0");

// ClerkClient, IUsersClient & co. and ClerkTokenVerifier, over IHttpClientFactory. Handlers added here run once per
// attempt, inside the SDK's retries (e.g. .AddHttpMessageHandler<MyAuditHandler>()).
builder.Services.AddClerk(builder.Configuration);

// Bearer tokens and the __session cookie, verified by the ClerkTokenVerifier registered above.
builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme).AddClerk();
builder.Services.AddAuthorization(options =>
{
    options.AddPolicy("invoices:read", policy => policy.RequireOrganizationPermission("org:invoices:read"));
});

// A Clerk exception an endpoint does not handle becomes ProblemDetails (Clerk's 404 a 404, not an empty 500).
builder.Services.AddClerkProblemDetails();

// Webhook handlers can be services (scoped: they may take a DbContext).
builder.Services.AddScoped<IClerkWebhookHandler<User>, UserMirror>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", () => "Clerk WebApi sample: GET /me, /invoices, /admin with a Clerk session token; POST /webhooks/clerk from Clerk.");

// Any signed-in user: the claims come from the token, the profile from the Backend API.
app.MapGet("/me", async (ClaimsPrincipal user, Clerk.BackendApi.IUsersClient users, CancellationToken cancellationToken) =>
{
    var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
    var profile = await users.GetAsync(userId, cancellationToken: cancellationToken);
    return Results.Ok(new
    {
        userId,
        profile.FirstName,
        sessionId = user.FindFirstValue(ClerkClaimTypes.SessionId),
        organization = user.FindFirstValue(ClerkClaimTypes.OrganizationSlug),
        role = user.FindFirstValue(ClerkClaimTypes.OrganizationRole),
        permissions = user.FindAll(ClerkClaimTypes.OrganizationPermission).Select(c => c.Value).ToArray(),
        impersonatedBy = user.FindFirstValue(ClerkClaimTypes.Actor),
    });
}).RequireAuthorization();

// Members of the active organization with the org:invoices:read permission (403 for the others).
app.MapGet("/invoices", (ClaimsPrincipal user) => Results.Ok(new
{
    organization = user.FindFirstValue(ClerkClaimTypes.OrganizationId),
    invoices = Array.Empty<string>(),
})).RequireAuthorization("invoices:read");

// Admins of the active organization only.
app.MapGet("/admin", () => "Hello, admin.").RequireAuthorization(policy => policy.RequireOrganizationRole("org:admin"));

// Verified (Svix signature, timestamp) and typed; a bad signature gets 400 and no handler runs.
app.MapClerkWebhooks("/webhooks/clerk", hooks =>
{
    hooks.On<DeletedObject>(ClerkWebhookEventTypes.UserDeleted, (evt, http, cancellationToken) =>
    {
        http.RequestServices.GetRequiredService<ILogger<UserMirror>>().LogInformation("User {UserId} was deleted", evt.Data?.Id);
        return Task.CompletedTask;
    });
    hooks.OnAny((evt, http, cancellationToken) =>
    {
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Webhooks").LogInformation("Clerk event {Type} ({Id})", evt.Type, http.Request.Headers["svix-id"].ToString());
        return Task.CompletedTask;
    });
});

if (!smoke)
{
    if (fake is not null) Console.WriteLine($"Running on the fake Clerk ({fake.ApiUrl}); a session token for a demo user: {await DemoTokenAsync(fake)}");
    await app.RunAsync();
    return;
}

// Smoke run: start, one signed-in request, stop.
await app.StartAsync();
var address = app.Urls.First();
using (var http = new System.Net.Http.HttpClient { BaseAddress = new Uri(address) })
{
    using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, "/me");
    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await DemoTokenAsync(fake!));
    using var response = await http.SendAsync(request);
    Console.WriteLine($"GET /me -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    Environment.ExitCode = response.IsSuccessStatusCode ? 0 : 1;
}
await app.StopAsync();

// A user of the fake and a session token of theirs, as a signed-in browser would send.
// Its azp is the first of Clerk:AuthorizedParties (appsettings.json), as a browser on that origin gets.
async Task<string> DemoTokenAsync(Clerk.Testing.FakeClerkServer demo)
{
    using var clerk = demo.CreateClient();
    var user = await clerk.Users.CreateAsync(new CreateUserRequest { EmailAddress = [$"ada{Random.Shared.Next(100000)}@example.com"], FirstName = "Ada" });
    return demo.CreateSessionToken(user.Id, options: new Clerk.Testing.FakeSessionTokenOptions { AuthorizedParty = app.Configuration["Clerk:AuthorizedParties:0"] });
}
