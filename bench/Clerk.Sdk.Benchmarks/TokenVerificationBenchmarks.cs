using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Clerk.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clerk.Sdk.Benchmarks;

/// <summary>
/// One session token (RS256, 2048-bit key, typical Clerk v2 claims with an organization) verified with a cached key:
/// by <see cref="ClerkTokenVerifier"/> (all Clerk rules) and by a plain <see cref="JsonWebTokenHandler"/> validation of
/// the same token (signature, algorithm and lifetime only). Single-threaded: the result is per core.
/// </summary>
[MemoryDiagnoser]
public class TokenVerificationBenchmarks
{
    private const string Issuer = "https://clerk.example.com";
    private const string Party = "https://app.example.com";

    private ClerkTokenVerifier _verifier = null!;
    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private string _token = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var rsa = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { alg = "RS256", kid = "ins_2benchmark", typ = "JWT" };
        var claims = new
        {
            azp = Party,
            exp = now + 3600,
            fva = new[] { 2, -1 },
            iat = now - 5,
            iss = Issuer,
            nbf = now - 5,
            sid = "sess_2xyzSESSIONidentifier00000",
            sts = "active",
            sub = "user_2xyzUSERidentifier000000000",
            v = 2,
            o = new { id = "org_2xyzORGANIZATIONid00000000", slg = "acme", rol = "admin", per = "read,manage,delete", fpm = "3,5" },
            fea = "o:invoices,u:export,ou:reports",
        };
        _token = SessionTokens.Sign(rsa, header, claims);

        _verifier = new ClerkTokenVerifier(new ClerkTokenVerifierOptions
        {
            JwtKey = rsa.ExportSubjectPublicKeyInfoPem(),
            Issuer = Issuer,
            AuthorizedParties = { Party },
        });
        _handler = new JsonWebTokenHandler();
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(rsa.ExportParameters(false)),
            ValidAlgorithms = ["RS256"],
            ValidIssuer = Issuer,
            ValidateAudience = false,
            ClockSkew = TimeSpan.FromSeconds(5),
        };
        if (!_handler.ValidateTokenAsync(_token, _parameters).GetAwaiter().GetResult().IsValid)
        {
            throw new InvalidOperationException("the plain JsonWebTokenHandler rejects the benchmark token");
        }
        _ = _verifier.VerifySessionTokenAsync(_token).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "JsonWebTokenHandler.ValidateTokenAsync (plain)")]
    public async Task<bool> PlainJsonWebTokenHandler() => (await _handler.ValidateTokenAsync(_token, _parameters)).IsValid;

    [Benchmark(Description = "ClerkTokenVerifier.VerifySessionTokenAsync")]
    public async Task<string> ClerkTokenVerifier() => (await _verifier.VerifySessionTokenAsync(_token)).UserId;
}
