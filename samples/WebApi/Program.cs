using System;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Clerk.AspNetCore;
using Clerk.BackendApi;   // the models (User, DeletedObject, ...): the API returns them and webhook events carry them
using Clerk.Webhooks;     // ClerkWebhookEvent, ClerkWebhookEventTypes
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebApi;

// A minimal API protected by Clerk. Configuration: the "Clerk" section of appsettings.json, or the environment
// (Clerk__SecretKey, Clerk__JwtKey, Clerk__AuthorizedParties, Clerk__WebhookSecret; or CLERK_SECRET_KEY, CLERK_JWT_KEY,
// CLERK_WEBHOOK_SECRET). The host does not start without a secret key, and MapClerkWebhooks needs the signing secret.
var builder = WebApplication.CreateBuilder(args);

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

app.Run();
