using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Clerk;
using Clerk.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace PackageConsumer;

/// <summary>The packed Clerk.Sdk, restored from a folder feed: construct, call a loopback server, verify a token.</summary>
public class ClerkSdkPackageTests
{
    [Test]
    public void TheReferenceIsThePackage_NotTheProject()
    {
        var location = typeof(ClerkClient).Assembly.Location;
        TestContext.Progress.WriteLine($"package-consumer: Clerk.Sdk {ClerkClient.PackageVersion} from {location}");
        Assert.That(location, Does.Contain("clerk.sdk").IgnoreCase.And.Not.Contain("src/Clerk.Sdk/bin"));
    }

    [Test]
    public async Task AnOperationAgainstALoopbackServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/v1/users/{id}", (string id, HttpContext context) =>
            context.Request.Headers.Authorization == "Bearer sk_test_PackageConsumerPackageConsumer"
                ? Results.Text($$"""{ "id": "{{id}}", "object": "user", "first_name": "Ada", "created_at": 1764000000000 }""", "application/json")
                : Results.StatusCode(401));
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_PackageConsumerPackageConsumer", ApiUrl = url + "/v1" });

        var user = await clerk.Users.GetAsync("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk");

        Assert.That(user.FirstName, Is.EqualTo("Ada"));
        Assert.That(user.CreatedAt, Is.EqualTo(1764000000000L));
    }

    [Test]
    public async Task ASessionTokenVerifiesNetworklessly()
    {
        using var rsa = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = Sign(rsa, """{"alg":"RS256","typ":"JWT","kid":"ins_1"}""",
            $$"""{"sub":"user_2xhFjEI5X2qWRvtV13BzSj8H6Dk","sid":"sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk","iss":"https://clerk.example.com","iat":{{now - 10}},"nbf":{{now - 10}},"exp":{{now + 60}},"sts":"active","v":2}""");
        var verifier = new ClerkTokenVerifier(new ClerkTokenVerifierOptions { JwtKey = rsa.ExportSubjectPublicKeyInfoPem() });

        var claims = await verifier.VerifySessionTokenAsync(token);

        Assert.That(claims.UserId, Is.EqualTo("user_2xhFjEI5X2qWRvtV13BzSj8H6Dk"));
        Assert.That(claims.SessionId, Is.EqualTo("sess_2xhFjEI5X2qWRvtV13BzSj8H6Dk"));
    }

    private static string Sign(RSA rsa, string header, string payload)
    {
        var signingInput = B64(Encoding.UTF8.GetBytes(header)) + "." + B64(Encoding.UTF8.GetBytes(payload));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + B64(signature);
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
