using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Clerk.Sdk.Benchmarks;

/// <summary>Session tokens for the verification measurements: a header and claims signed RS256 with a test key.</summary>
internal static class SessionTokens
{
    /// <summary>The compact JWT of <paramref name="header"/> and <paramref name="claims"/> (serialized as given), signed with <paramref name="rsa"/>.</summary>
    public static string Sign(RSA rsa, object header, object claims)
    {
        var input = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        return input + "." + Base64Url(rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
