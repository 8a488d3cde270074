using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Clerk.Authentication;
using NUnit.Framework;
using static Clerk.Sdk.Tests.Authentication.AuthTestKit;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// Which keys of a JWKS document the verifier takes (RSA of 2048 bits or more, EC P-256/384/521, <c>use</c> absent or
/// <c>sig</c>, one per kid: the first), and that a key whose <c>alg</c> names another algorithm, or whose type does not
/// fit the token's, verifies nothing. (A document without any usable key is KeysUnavailable, see JwksCacheTests; here
/// another usable key is always beside the one skipped, so a skipped key shows as UnknownKid.) The PEM key's forms and refusals are here too.
/// </summary>
public class JwksKeyLoadingTests
{
    private static string Kid(int n) => $"ins_{n}";

    private static Dictionary<string, object?> EcJwk(string kid, ECDsa key, string crv)
    {
        var p = key.ExportParameters(false);
        return new() { ["kid"] = kid, ["kty"] = "EC", ["crv"] = crv, ["x"] = B64(p.Q.X!), ["y"] = B64(p.Q.Y!), ["use"] = "sig" };
    }

    private static string Jwks(params object[] keys) => Json(new { keys });

    private static string SignEcWith(ECDsa key, string alg, string kid)
    {
        var header = new Dictionary<string, object?> { ["alg"] = alg, ["kid"] = kid, ["typ"] = "JWT" };
        var input = B64(Json(header)) + "." + B64(Json(SessionClaims()));
        var hash = alg switch { "ES384" => HashAlgorithmName.SHA384, "ES512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 };
        return input + "." + B64(key.SignData(Encoding.ASCII.GetBytes(input), hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    private static async Task<ClerkTokenFailureReason?> Verify(string jwks, string token, params string[] algorithms)
    {
        using var harness = new JwksHarness { JwksJson = jwks };
        var verifier = harness.Verifier(o =>
        {
            if (algorithms.Length > 0) o.AllowedAlgorithms = algorithms.ToList();
        });
        try
        {
            await verifier.VerifySessionTokenAsync(token);
            return null;
        }
        catch (ClerkTokenException ex)
        {
            return ex.Reason;
        }
    }

    [TestCase("P-256", "ES256")]
    [TestCase("P-384", "ES384")]
    [TestCase("P-521", "ES512")]
    public async Task AnEcKeyOfEachCurve_VerifiesItsTokens(string crv, string alg)
    {
        using var key = ECDsa.Create(crv switch { "P-384" => ECCurve.NamedCurves.nistP384, "P-521" => ECCurve.NamedCurves.nistP521, _ => ECCurve.NamedCurves.nistP256 });
        var jwks = Jwks(EcJwk(Kid(1), key, crv));

        Assert.That(await Verify(jwks, SignEcWith(key, alg, Kid(1)), alg), Is.Null);
        using var other = ECDsa.Create(key.ExportParameters(false).Curve);
        Assert.That(await Verify(jwks, SignEcWith(other, alg, Kid(1)), alg), Is.EqualTo(ClerkTokenFailureReason.InvalidSignature));
    }

    [TestCase("P-192", TestName = "an unknown curve")]
    [TestCase("", TestName = "no curve")]
    public async Task AnEcKeyOfAnotherCurve_IsSkipped(string crv)
    {
        var jwk = EcJwk(Kid(1), EcKey, "P-256");
        jwk["crv"] = crv;
        Assert.That(await Verify(Jwks(jwk, Jwk(KidA, KeyA)), SignEcWith(EcKey, "ES256", Kid(1)), "ES256"), Is.EqualTo(ClerkTokenFailureReason.UnknownKid));
    }

    [TestCase("x")]
    [TestCase("y")]
    public async Task AnEcKeyWithoutACoordinate_IsSkipped(string coordinate)
    {
        var jwk = EcJwk(Kid(1), EcKey, "P-256");
        jwk[coordinate] = "";
        Assert.That(await Verify(Jwks(jwk, Jwk(KidA, KeyA)), SignEcWith(EcKey, "ES256", Kid(1)), "ES256"), Is.EqualTo(ClerkTokenFailureReason.UnknownKid));
    }

    [TestCase("n")]
    [TestCase("e")]
    public async Task AnRsaKeyWithoutModulusOrExponent_IsSkipped(string part)
    {
        var jwk = Jwk(KidA, KeyA);
        jwk[part] = "";
        Assert.That(await Verify(Jwks(jwk, Jwk(KidB, KeyB)), FuzzToken()), Is.EqualTo(ClerkTokenFailureReason.UnknownKid));
    }

    [Test]
    public async Task AnRsaKeyUnder2048Bits_IsSkipped_AndA2048BitModulusWithALeadingZeroByte_IsNot()
    {
        using var small = RSA.Create(1024);
        Assert.That(await Verify(Jwks(Jwk(KidA, small), Jwk(KidB, KeyB)), Sign(SessionHeader(), SessionClaims(), small)), Is.EqualTo(ClerkTokenFailureReason.UnknownKid));

        var padded = Jwk(KidA, KeyA);
        padded["n"] = B64([0, .. KeyA.ExportParameters(false).Modulus!]);
        Assert.That(await Verify(Jwks(padded), FuzzToken()), Is.Null, "a leading zero byte does not make the key smaller");
    }

    [TestCase(null, true, TestName = "no use")]
    [TestCase("sig", true, TestName = "use sig")]
    [TestCase("enc", false, TestName = "use enc")]
    public async Task OnlySigningKeys_AreTaken(string? use, bool taken)
    {
        var jwk = Jwk(KidA, KeyA);
        if (use is null) jwk.Remove("use"); else jwk["use"] = use;
        Assert.That(await Verify(Jwks(jwk, Jwk(KidB, KeyB)), FuzzToken()), taken ? Is.Null : Is.EqualTo(ClerkTokenFailureReason.UnknownKid));
    }

    [Test]
    public async Task AKeyWithoutAKid_IsSkipped_AndTheOthersAreRead()
    {
        var nameless = Jwk(KidB, KeyB);
        nameless["kid"] = "";
        Assert.That(await Verify(Jwks(nameless, Jwk(KidA, KeyA)), FuzzToken()), Is.Null);
    }

    [Test]
    public async Task OfTwoKeysWithOneKid_TheFirstIsTaken()
    {
        var jwks = Jwks(Jwk(KidA, KeyA), Jwk(KidA, KeyB));
        Assert.That(await Verify(jwks, FuzzToken()), Is.Null);
        Assert.That(await Verify(jwks, Sign(SessionHeader(), SessionClaims(), KeyB)), Is.EqualTo(ClerkTokenFailureReason.InvalidSignature));
    }

    [TestCase("RS512", "RS256", TestName = "the key says RS512, the token RS256")]
    [TestCase("PS256", "RS256", TestName = "the key says PS256, the token RS256 (type fits)")]
    public async Task AKeyWhoseAlgNamesAnotherAlgorithm_VerifiesNothing(string keyAlg, string tokenAlg)
    {
        var jwk = Jwk(KidA, KeyA);
        jwk["alg"] = keyAlg;
        var token = Sign(SessionHeader().With("alg", tokenAlg), SessionClaims(), KeyA, tokenAlg);
        Assert.That(await Verify(Jwks(jwk), token, "RS256", "RS512", "PS256"), Is.EqualTo(ClerkTokenFailureReason.UnsupportedAlgorithm));
    }

    [Test]
    public async Task AKeyWithAnEmptyAlg_IsTakenForAnyAlgorithmItsTypeFits()
    {
        var jwk = Jwk(KidA, KeyA);
        jwk["alg"] = "";
        Assert.That(await Verify(Jwks(jwk), Sign(SessionHeader().With("alg", "RS512"), SessionClaims(), KeyA, "RS512"), "RS256", "RS512"), Is.Null);
        Assert.That(await Verify(Jwks(jwk), Sign(SessionHeader().With("alg", "PS256"), SessionClaims(), KeyA, "PS256"), "RS256", "PS256"), Is.Null);
    }

    [Test]
    public async Task AKeyOfTheWrongType_VerifiesNothing()
    {
        // An RSA key for an ES256 token, an EC key for an RS256 token: refused before any signature check.
        Assert.That(await Verify(Jwks(Jwk(KidA, KeyA)), SignEcWith(EcKey, "ES256", KidA), "ES256"), Is.EqualTo(ClerkTokenFailureReason.UnsupportedAlgorithm));
        var ec = EcJwk(KidA, EcKey, "P-256");
        Assert.That(await Verify(Jwks(ec), FuzzToken()), Is.EqualTo(ClerkTokenFailureReason.UnsupportedAlgorithm));
    }

    [Test]
    public void APemKey_InEitherForm_IsRead()
    {
        var pkcs1 = KeyA.ExportRSAPublicKeyPem();
        Assert.That(pkcs1, Does.StartWith("-----BEGIN RSA PUBLIC KEY-----"));
        Assert.DoesNotThrowAsync(() => PemVerifier(o => o.JwtKey = pkcs1).VerifySessionTokenAsync(FuzzToken()));
        Assert.DoesNotThrowAsync(() => PemVerifier(o => o.JwtKey = KeyA.ExportSubjectPublicKeyInfoPem()).VerifySessionTokenAsync(FuzzToken()));
        Assert.DoesNotThrowAsync(() => PemVerifier(o => { o.JwtKey = EcKey.ExportSubjectPublicKeyInfoPem(); o.AllowedAlgorithms = ["ES256"]; })
            .VerifySessionTokenAsync(SignEcWith(EcKey, "ES256", KidA)));
    }

    [Test]
    public void APemKeyThatCannotBeUsed_IsAConfigurationError_ThatSaysWhy()
    {
        using var small = RSA.Create(1024);
        Assert.Multiple(() =>
        {
            Assert.That(Refused("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"),
                Is.EqualTo("ClerkTokenVerifierOptions.JwtKey must be a PEM public key (-----BEGIN PUBLIC KEY-----); the value is not shown."));
            Assert.That(Refused(small.ExportSubjectPublicKeyInfoPem()), Is.EqualTo("ClerkTokenVerifierOptions.JwtKey is a 1024-bit RSA key; at least 2048 bits are required."));
            Assert.That(Refused("-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----"),
                Is.EqualTo("ClerkTokenVerifierOptions.JwtKey could not be read as an RSA or EC public key in PEM; the value is not shown."));
        });

        static string Refused(string pem) => Assert.Throws<ClerkConfigurationException>(() => PemVerifier(o => o.JwtKey = pem))!.Message;
    }

    private static string FuzzToken() => Sign(SessionHeader(), SessionClaims());

    /// <summary>
    /// The size of an RSA key is its modulus's bit length, leading zero bits left out: 2047 bits is refused whether the
    /// modulus has 256 bytes (a first byte of 0x7F) or 257 (a zero byte, then 0x7F). Such a key is not usable, so a token
    /// for it is UnknownKid, not a signature failure.
    /// </summary>
    [TestCase(new byte[] { 0x7F }, 255, TestName = "256 bytes, first byte 0x7F: 2047 bits")]
    [TestCase(new byte[] { 0x00, 0x7F }, 255, TestName = "257 bytes, a zero byte then 0x7F: 2047 bits")]
    [TestCase(new byte[] { 0x00, 0x00, 0x40 }, 255, TestName = "258 bytes, two zero bytes then 0x40: 2047 bits")]
    public async Task AModulusOf2047Bits_IsSkipped(byte[] leading, int rest)
    {
        var modulus = Jwk(KidA, KeyA);
        modulus["n"] = B64([.. leading, .. Enumerable.Repeat((byte)0xA5, rest)]);
        Assert.That(await Verify(Jwks(modulus, Jwk(KidB, KeyB)), FuzzToken()), Is.EqualTo(ClerkTokenFailureReason.UnknownKid));
    }

    [Test]
    public async Task AModulusOf2048BitsAfterZeroBytes_IsTaken()
    {
        var padded = Jwk(KidA, KeyA);
        padded["n"] = B64([0, 0, .. KeyA.ExportParameters(false).Modulus!]);
        Assert.That(await Verify(Jwks(padded), FuzzToken()), Is.Null);
    }

    [Test]
    public async Task ANullEntry_IsSkipped_AndTheOthersAreRead() =>
        Assert.That(await Verify("{\"keys\":[null," + Json(Jwk(KidA, KeyA)) + "]}", FuzzToken()), Is.Null);

    /// <summary>An EC key that carries RSA members too is read as what its kty says.</summary>
    [Test]
    public async Task AnEcKeyWithRsaMembers_IsReadAsEc()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = EcJwk(KidA, ec, "P-256");
        jwk["n"] = B64([0x01, 0x02]);
        jwk["e"] = "AQAB";
        Assert.That(await Verify(Jwks(jwk), SignEcWith(ec, "ES256", KidA), "ES256"), Is.Null);
    }

    /// <summary>A key the platform cannot import (an EC point of the wrong size, a modulus that is not base64url) is skipped.</summary>
    [Test]
    public async Task AKeyThatCannotBeImported_IsSkipped()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var shortPoint = EcJwk(KidA, ec, "P-256");
        shortPoint["x"] = B64([1, 2, 3, 4, 5]);
        Assert.That(await Verify(Jwks(shortPoint, Jwk(KidB, KeyB)), SignEcWith(ec, "ES256", KidA), "ES256"), Is.EqualTo(ClerkTokenFailureReason.UnknownKid));
        var badModulus = Jwk(KidA, KeyA);
        badModulus["n"] = "!!not base64url!!";
        Assert.That(await Verify(Jwks(badModulus, Jwk(KidB, KeyB)), FuzzToken()), Is.EqualTo(ClerkTokenFailureReason.UnknownKid));
    }
}
