using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;

namespace Clerk.Sdk.Testing.Tests.Backends;

/// <summary>
/// Real Clerk, only when <c>CLERK_SECRET_KEY</c> is set (a development instance: tests create and delete users,
/// sessions and organizations); ignored otherwise. <c>CLERK_PUBLISHABLE_KEY</c>, when set, pins the token issuer.
/// </summary>
public sealed class RealClerkBackend : ClerkBackend
{
    private readonly List<string> _users = new();
    private readonly List<string> _organizations = new();

    public override string Name => "real-clerk";

    public static bool IsConfigured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CLERK_SECRET_KEY"));

    public override Task StartAsync()
    {
        if (!IsConfigured)
        {
            Assert.Ignore("CLERK_SECRET_KEY is not set: the real-Clerk backend is skipped (set it to a development instance's key to run these tests against Clerk).");
        }
        return Task.CompletedTask;
    }

    public override void TrackUser(string userId) => _users.Add(userId);

    public override void TrackOrganization(string organizationId) => _organizations.Add(organizationId);

    public override async Task TearDownTestAsync()
    {
        foreach (var id in _organizations)
        {
            await Ignore404(() => Clerk.Organizations.DeleteAsync(id));
        }
        foreach (var id in _users)
        {
            await Ignore404(() => Clerk.Users.DeleteAsync(id));
        }
        _users.Clear();
        _organizations.Clear();
        await base.TearDownTestAsync();
    }

    public override ClerkTokenVerifier CreateVerifier() =>
        new(Clerk, new ClerkTokenVerifierOptions { PublishableKey = Environment.GetEnvironmentVariable("CLERK_PUBLISHABLE_KEY") });

    protected override ClerkClient CreateClient() => ClerkClient.FromEnvironment();

    private static async Task Ignore404(Func<Task> delete)
    {
        try
        {
            await delete();
        }
        catch (ClerkApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
    }
}
