// A server-rendered page app signed in by Clerk's session cookie, with the handshake that keeps an idle tab signed in,
// running against the SDK's fake Clerk (Backend API and Frontend API handshake on loopback): no Clerk account needed.
//
//   dotnet run --project samples/PageApp            walks a browser through the handshake and prints every hop
//   dotnet run --project samples/PageApp -- --serve  keeps the app running: open the printed URL in a browser
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Threading.Tasks;
using Clerk;
using Clerk.AspNetCore;
using Clerk.Authentication;
using Clerk.BackendApi;
using Clerk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

await using var fake = await FakeClerkServer.StartOnLoopbackAsync();

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// In a real app these come from configuration ("Clerk": { "SecretKey", "PublishableKey", "JwtKey" }); here, from the fake.
builder.Services.AddClerk(options =>
{
    options.SecretKey = fake.SecretKey;
    options.ApiUrl = fake.ApiUrl;
});
var verifierOptions = fake.CreateTokenVerifierOptions();   // publishable key, and ProxyUrl: the fake's handshake
verifierOptions.JwtKey = fake.JwtPublicKeyPem;              // networkless verification
builder.Services.AddAuthentication(ClerkAuthenticationDefaults.AuthenticationScheme)
    .AddClerk(options => options.TokenVerifier = new ClerkTokenVerifier(verifierOptions));
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", (HttpContext context) => Results.Content(context.User.Identity?.IsAuthenticated == true
    ? $"<h1>Signed in as {WebUtility.HtmlEncode(context.User.FindFirstValue(ClaimTypes.NameIdentifier))}</h1><p><a href=\"/api/me\">/api/me</a></p>"
    : "<h1>Signed out</h1><p><a href=\"/demo/sign-in\">Sign in as a demo user (with the cookie of an idle tab)</a></p>", "text/html"));

app.MapGet("/api/me", (ClaimsPrincipal user) => Results.Json(new { userId = user.FindFirstValue(ClaimTypes.NameIdentifier) })).RequireAuthorization();

// What Clerk's JavaScript would have left in a browser tab that sat idle: a session token that expired, the time of the
// last sign-in (__client_uat) and the development browser (__clerk_db_jwt). The next page request needs the handshake.
app.MapGet("/demo/sign-in", async (HttpContext context, IUsersClient users, ISessionsClient sessions) =>
{
    var user = await users.CreateAsync(new CreateUserRequest { EmailAddress = [$"demo{Random.Shared.Next(100000)}@example.com"], FirstName = "Demo" }, cancellationToken: context.RequestAborted);
    var session = await sessions.CreateAsync(new CreateSessionRequest { UserId = user.Id }, cancellationToken: context.RequestAborted);
    var expired = fake.CreateSessionToken(user.Id, options: new FakeSessionTokenOptions { SessionId = session.Id, Lifetime = TimeSpan.FromSeconds(-30) });
    context.Response.Cookies.Append("__session", expired);
    context.Response.Cookies.Append("__client_uat", (session.CreatedAt / 1000 - 60).ToString(System.Globalization.CultureInfo.InvariantCulture));
    return Results.Content("<p>Signed in; the cookies are those of an idle tab now. <a href=\"/\">Open the page</a></p>", "text/html");
});

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Page app on {address}, fake Clerk on {fake.FrontendApiProxyUrl}");

if (args.Contains("--serve"))
{
    Console.WriteLine($"Open {address}/ in a browser; Ctrl+C stops.");
    await app.WaitForShutdownAsync(); // Microsoft.Extensions.Hosting
    return 0;
}

// A browser: cookies kept per host, redirects followed one by one so that each hop is printed.
var cookies = new CookieContainer();
using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
browser.DefaultRequestHeaders.Add("Accept", "text/html");
browser.DefaultRequestHeaders.Add("Sec-Fetch-Dest", "document");

async Task<HttpResponseMessage> NavigateAsync(string url)
{
    var next = new Uri(browser.BaseAddress!, url);
    for (var hop = 0; hop < 10; hop++)
    {
        var response = await browser.GetAsync(next);
        var where = next.GetLeftPart(UriPartial.Path);
        Console.WriteLine($"  GET {where} -> {(int)response.StatusCode}{(response.Headers.Location is { } l ? " " + new Uri(next, l).GetLeftPart(UriPartial.Path) : "")}");
        if (response.Headers.Location is null) return response;
        next = new Uri(next, response.Headers.Location);
        response.Dispose();
    }
    throw new InvalidOperationException("Too many redirects.");
}

Console.WriteLine("1. Sign in, leaving the cookies of an idle tab (an expired session token); a development instance first gets its dev-browser token through a handshake:");
(await NavigateAsync("/demo/sign-in")).Dispose();
Console.WriteLine("2. The page: a handshake with the fake's Frontend API refreshes the session, then the page is signed in:");
using (var page = await NavigateAsync("/"))
{
    var html = await page.Content.ReadAsStringAsync();
    Console.WriteLine("  " + html[..html.IndexOf("</h1>", StringComparison.Ordinal)].Replace("<h1>", "", StringComparison.Ordinal));
    if (!html.Contains("Signed in", StringComparison.Ordinal)) return 1;
}
Console.WriteLine("3. An API call with an expired cookie is never redirected: 401.");
using (var api = new HttpClient())
{
    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(address), "/api/me"));
    request.Headers.Add("Accept", "application/json");
    request.Headers.Add("Cookie", cookies.GetCookieHeader(new Uri(address)).Replace("__session=", "__session=expired", StringComparison.Ordinal));
    using var response = await api.SendAsync(request);
    Console.WriteLine($"  GET /api/me -> {(int)response.StatusCode}");
}
await app.StopAsync();
return 0;
