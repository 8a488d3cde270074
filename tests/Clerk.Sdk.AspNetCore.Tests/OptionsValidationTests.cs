using System.Collections.Generic;
using System.Threading.Tasks;
using Clerk.Sdk.AspNetCore.Tests.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Clerk.Sdk.AspNetCore.Tests;

/// <summary>AddClerk's options are validated when the host starts, with messages that say what to fix and never show the key.</summary>
[TestFixture]
[NonParallelizable]
public class OptionsValidationTests
{
    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddClerk(builder.Configuration);
        return builder.Build();
    }

    private static string StartFailure(Dictionary<string, string?> settings)
    {
        using var host = Host(settings);
        var ex = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return ex!.Message;
    }

    [Test]
    public void AMissingSecretKey_FailsAtStart_NamingTheSettingAndTheVariable()
    {
        using var _ = EnvironmentScope.Clean();

        var message = StartFailure(new() { ["Clerk:ApiUrl"] = "https://api.clerk.com" });

        Assert.That(message, Does.Contain("Clerk:SecretKey").And.Contain("CLERK_SECRET_KEY"));
    }

    [Test]
    public void AMalformedSecretKey_FailsAtStart_WithoutShowingIt()
    {
        using var _ = EnvironmentScope.Clean();
        const string publishableKey = "pk_live_Y2xlcmsuZXhhbXBsZS5jb20k";

        var message = StartFailure(new() { ["Clerk:SecretKey"] = publishableKey });

        Assert.That(message, Does.Contain("malformed").And.Contain("pk_"));
        Assert.That(message, Does.Not.Contain(publishableKey));
    }

    [Test]
    public void AMalformedApiUrl_FailsAtStart()
    {
        using var _ = EnvironmentScope.Clean();

        var message = StartFailure(new() { ["Clerk:SecretKey"] = "sk_test_abcdefghijklmnop", ["Clerk:ApiUrl"] = "api.clerk.com/v1" });

        Assert.That(message, Does.Contain("Clerk:ApiUrl").And.Contain("not an absolute http(s) URL"));
    }

    [Test]
    public void ASecretKeyPastedIntoTheUrlSetting_IsNotEchoed()
    {
        using var _ = EnvironmentScope.Clean();
        const string key = "sk_test_abcdefghijklmnop";

        var message = StartFailure(new() { ["Clerk:SecretKey"] = key, ["Clerk:ApiUrl"] = key });

        Assert.That(message, Does.Contain("Clerk:ApiUrl").And.Contain("<secret key>"));
        Assert.That(message, Does.Not.Contain(key));
    }

    [Test]
    public void AMalformedJwtKey_FailsAtStart_WithoutShowingIt()
    {
        using var _ = EnvironmentScope.Clean();

        var message = StartFailure(new() { ["Clerk:SecretKey"] = "sk_test_abcdefghijklmnop", ["Clerk:JwtKey"] = "-----BEGIN PUBLIC KEY-----\nnot-a-key\n-----END PUBLIC KEY-----" });

        Assert.That(message, Does.Contain("JwtKey"));
        Assert.That(message, Does.Not.Contain("not-a-key"));
    }

    [Test]
    public void BadRetrySettings_FailAtStart()
    {
        using var _ = EnvironmentScope.Clean();

        var message = StartFailure(new() { ["Clerk:SecretKey"] = "sk_test_abcdefghijklmnop", ["Clerk:Retry:MaxRetries"] = "99" });

        Assert.That(message, Does.Contain("MaxRetries"));
    }

    [Test]
    public async Task TheSecretKey_FallsBackTo_CLERK_SECRET_KEY()
    {
        using var _ = EnvironmentScope.Clean(("CLERK_SECRET_KEY", "sk_test_fromTheEnvironment"), ("CLERK_API_URL", "https://api.example.com"));
        using var host = Host(new() { ["Clerk:ApiVersion"] = "2025-11-10" });

        await host.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<Clerk.ClerkClientOptions>>().Value;
        await host.StopAsync();

        Assert.That(options.SecretKey, Is.EqualTo("sk_test_fromTheEnvironment"));
        Assert.That(options.ApiUrl, Is.EqualTo("https://api.example.com"));
    }

    [Test]
    public void TheApiUrlHasOneName_AndTheOldNamesStillWork()
    {
        using var _ = EnvironmentScope.Clean(("CLERK_SECRET_KEY", "sk_test_fromTheEnvironment"));
        using var current = Host(new() { ["Clerk:ApiUrl"] = "https://api.example.com", ["Clerk:BaseUrl"] = "https://old.example.com" });
        using var old = Host(new() { ["Clerk:BaseUrl"] = "https://old.example.com" });
#pragma warning disable CS0618 // the obsolete names, kept working
        var assigned = new Clerk.ClerkClientOptions { BaseUrl = "https://assigned.example.com" };
        Assert.Multiple(() =>
        {
            Assert.That(current.Services.GetRequiredService<IOptions<Clerk.ClerkClientOptions>>().Value.ApiUrl, Is.EqualTo("https://api.example.com"), "ApiUrl wins");
            Assert.That(old.Services.GetRequiredService<IOptions<Clerk.ClerkClientOptions>>().Value.ApiUrl, Is.EqualTo("https://old.example.com"), "Clerk:BaseUrl alone");
            Assert.That(assigned.ApiUrl, Is.EqualTo("https://assigned.example.com"));
            Assert.That(Clerk.ClerkClientOptions.DefaultBaseUrl, Is.EqualTo(Clerk.ClerkClientOptions.DefaultApiUrl));
        });
#pragma warning restore CS0618
    }

    [Test]
    public void AnEmptyPlaceholderInConfiguration_KeepsTheEnvironmentValue()
    {
        using var _ = EnvironmentScope.Clean(("CLERK_SECRET_KEY", "sk_test_fromTheEnvironment"), ("CLERK_JWT_KEY", Tokens.Pem));
        using var host = Host(new() { ["Clerk:SecretKey"] = "", ["Clerk:JwtKey"] = " ", ["Clerk:ApiUrl"] = "" });

        Assert.That(host.Services.GetRequiredService<IOptions<Clerk.ClerkClientOptions>>().Value.SecretKey, Is.EqualTo("sk_test_fromTheEnvironment"));
        Assert.That(host.Services.GetRequiredService<IOptions<Clerk.ClerkClientOptions>>().Value.ApiUrl, Is.EqualTo(Clerk.ClerkClientOptions.DefaultApiUrl));
        Assert.That(host.Services.GetRequiredService<IOptions<Clerk.Authentication.ClerkTokenVerifierOptions>>().Value.JwtKey, Is.EqualTo(Tokens.Pem));
    }

    [Test]
    public void TheConfiguration_WinsOverTheEnvironment()
    {
        using var _ = EnvironmentScope.Clean(("CLERK_SECRET_KEY", "sk_test_fromTheEnvironment"));
        using var host = Host(new() { ["Clerk:SecretKey"] = "sk_test_fromConfiguration" });

        Assert.That(host.Services.GetRequiredService<IOptions<Clerk.ClerkClientOptions>>().Value.SecretKey, Is.EqualTo("sk_test_fromConfiguration"));
    }

    [Test]
    public void OptionsToString_DoesNotShowTheKey()
    {
        using var _ = EnvironmentScope.Clean();
        using var host = Host(new() { ["Clerk:SecretKey"] = "sk_test_abcdefghijklmnop" });

        Assert.That(host.Services.GetRequiredService<IOptions<Clerk.ClerkClientOptions>>().Value.ToString(), Does.Not.Contain("abcdefghijklmnop"));
    }
}
