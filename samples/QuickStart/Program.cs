using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Clerk;
using Clerk.Authentication;
using Clerk.BackendApi;
using Clerk.Testing;

// The quickstart: users, auto-pagination, a session and its token verified without a network call, revocation, and
// Clerk's errors. With CLERK_SECRET_KEY set it talks to your Clerk instance (use a development instance: it creates
// and deletes three users); without it, it runs on FakeClerkServer, in-process, with no network and no account.
var secretKey = Environment.GetEnvironmentVariable("CLERK_SECRET_KEY");
await using var fake = string.IsNullOrEmpty(secretKey) ? FakeClerkServer.Create() : null;
using var clerk = fake?.CreateClient() ?? ClerkClient.FromEnvironment();
Console.WriteLine(fake is not null
    ? "CLERK_SECRET_KEY is not set: running on FakeClerkServer, an in-process fake of Clerk's Backend API (no network, no Clerk account)."
    : $"Running against Clerk at {clerk.Options.ApiUrl} (CLERK_SECRET_KEY is set).");
Console.WriteLine($"Clerk.Sdk {ClerkClient.PackageVersion}, Clerk API {clerk.Options.ApiVersion}");

var tag = "quickstart" + Guid.NewGuid().ToString("N")[..6];
var created = new List<User>();
try
{
    Console.WriteLine();
    Console.WriteLine("1. Create three users");
    foreach (var (first, last) in new[] { ("Ada", "Lovelace"), ("Grace", "Hopper"), ("Alan", "Turing") })
    {
        var user = await clerk.Users.CreateAsync(new CreateUserRequest
        {
            EmailAddress = [$"{first.ToLowerInvariant()}.{tag}+clerk_test@example.com"],
            FirstName = first,
            LastName = last,
            SkipPasswordRequirement = true,
            PublicMetadata = Metadata.From(new { source = tag }),
        });
        created.Add(user);
        Console.WriteLine($"   {user.Id}  {user.FirstName} {user.LastName}  <{user.EmailAddresses[0].EmailAddressValue}>");
    }

    Console.WriteLine("2. List them with auto-pagination (pages of 2, requested as the loop reaches them)");
    await foreach (var user in clerk.Users.ListAsync(new UserListOptions { Query = tag, OrderBy = "+created_at" }).WithPageSize(2))
    {
        Console.WriteLine($"   {user.FirstName,-6} created {user.CreatedAtUtc:u}");
    }

    Console.WriteLine("3. Create a session and a session token");
    var session = await clerk.Sessions.CreateAsync(new CreateSessionRequest { UserId = created[0].Id });
    var token = await clerk.Sessions.CreateTokenAsync(session.Id, new CreateSessionTokenRequest());
    Console.WriteLine($"   session {session.Id} ({session.Status}), token {token.Jwt![..24]}... ({token.Jwt.Length} chars)");

    Console.WriteLine("4. Verify the token without a network call");
    var jwtKey = fake?.JwtPublicKeyPem ?? Environment.GetEnvironmentVariable("CLERK_JWT_KEY");
    var verifier = jwtKey is not null
        ? new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = jwtKey, PublishableKey = fake?.PublishableKey })
        : new ClerkTokenVerifier(clerk); // no CLERK_JWT_KEY: the instance's JWKS, fetched once and then cached
    var claims = await verifier.VerifySessionTokenAsync(token.Jwt);
    Console.WriteLine($"   verified{(jwtKey is not null ? " with the PEM public key, no request" : " with the instance's JWKS (cached)")}: user {claims.UserId}, session {claims.SessionId}, expires {claims.Expiration:u}");

    Console.WriteLine("5. Revoke the session");
    var revoked = await clerk.Sessions.RevokeAsync(session.Id);
    Console.WriteLine($"   session {revoked.Id} is now {revoked.Status}");

    Console.WriteLine("6. Ask for a user that does not exist");
    try
    {
        await clerk.Users.GetAsync("user_2doesNotExist000000000000");
    }
    catch (ClerkApiException ex)
    {
        Console.WriteLine($"   ClerkApiException: {(int)ex.StatusCode} {ex.Code}: {ex.Errors.FirstOrDefault()?.LongMessage ?? ex.Message}");   // Errors is empty when the body was not Clerk JSON
    }
    return 0;
}
catch (ClerkApiException ex)
{
    Console.Error.WriteLine($"Clerk said {(int)ex.StatusCode} {ex.Code}: {ex.Message}");
    return 1;
}
finally
{
    foreach (var user in created)
    {
        await clerk.Users.DeleteAsync(user.Id);
    }
    if (created.Count > 0)
    {
        Console.WriteLine($"Cleaned up: deleted the {created.Count} users.");
    }
}
