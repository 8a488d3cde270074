using System.Security.Cryptography;

namespace Clerk.Testing.Store;

/// <summary>Ids in Clerk's format: a prefix and 27 base62 characters (<c>user_2xhFjEI5X2qWRvtV13BzSj8H6Dk</c>), API keys 32 hex digits.</summary>
internal static class ClerkIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A new id: <paramref name="prefix"/>, an underscore and 27 base62 characters.</summary>
    public static string New(string prefix) => prefix + "_" + RandomNumberGenerator.GetString(Base62, 27);

    /// <summary>A new API key id: <c>ak_</c> and 32 lower-case hex digits.</summary>
    public static string NewApiKeyId() => "ak_" + RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>A new API key secret: <c>ak_</c> and 48 base62 characters (only ever returned on create and by its secret endpoint).</summary>
    public static string NewApiKeySecret() => "ak_" + RandomNumberGenerator.GetString(Base62, 48);

    /// <summary>A random base62 string (secret keys, kids).</summary>
    public static string Random(int length) => RandomNumberGenerator.GetString(Base62, length);
}
