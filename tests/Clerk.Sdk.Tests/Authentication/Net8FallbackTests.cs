using System;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Clerk.Authentication;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Authentication;

/// <summary>
/// The net8.0 build of Clerk.Sdk depends on .NET 8 libraries only, so it replaces two .NET 10 features with its own
/// code: base64url decoding and the rejection of repeated JSON member names in token headers and payloads. The tests
/// run on .NET 10, so they hold each replacement against the feature it replaces.
/// </summary>
public class Net8FallbackTests
{
    [Test]
    public void The_base64url_decoder_agrees_with_Base64Url_for_every_length()
    {
        var random = new Random(8);
        for (var length = 0; length <= 300; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            var text = Base64Url.EncodeToString(bytes);
            Assert.That(Base64UrlSegment.DecodeWithoutBase64Url(text), Is.EqualTo(Base64Url.DecodeFromChars(text)), $"length {length}");
        }
    }

    [TestCase("{\"a\":1,\"a\":2}")]
    [TestCase("{\"alg\":\"RS256\",\"\\u0061lg\":\"none\"}")]
    [TestCase("{\"x\":{\"a\":1,\"b\":[{\"c\":1,\"c\":1}]}}")]
    [TestCase("[{\"a\":1,\"b\":2,\"a\":3}]")]
    [TestCase("{\"a\":1,\"b\":2}")]
    [TestCase("{\"a\":{\"a\":{\"a\":1}},\"b\":{\"a\":2}}")]
    [TestCase("[{\"a\":1},{\"a\":1}]")]
    [TestCase("{}")]
    [TestCase("{\"A\":1,\"a\":2}")]
    public void Repeated_member_names_are_found_exactly_where_System_Text_Json_10_rejects_them(string json) =>
        AssertAgrees(json);

    [Test]
    public void Repeated_member_names_agree_with_System_Text_Json_10_over_generated_documents()
    {
        var random = new Random(10);
        for (var i = 0; i < 2000; i++)
        {
            AssertAgrees(Generate(random, depth: 0));
        }
    }

    [Test]
    public void Invalid_or_too_deep_json_throws_JsonException()
    {
        Assert.That(() => JsonDuplicateMembers.Any(Encoding.UTF8.GetBytes("{\"a\":"), 16), Throws.InstanceOf<JsonException>());
        Assert.That(() => JsonDuplicateMembers.Any(Encoding.UTF8.GetBytes(new string('[', 20) + new string(']', 20)), 16), Throws.InstanceOf<JsonException>());
    }

    private static void AssertAgrees(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        bool rejected;
        try
        {
            using var _ = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowDuplicateProperties = false });
            rejected = false;
        }
        catch (JsonException)
        {
            rejected = true;
        }
        Assert.That(JsonDuplicateMembers.Any(utf8, 64), Is.EqualTo(rejected), json);
    }

    /// <summary>Small documents over a two-letter alphabet of names (some escaped), so repeats are common.</summary>
    private static string Generate(Random random, int depth)
    {
        if (depth > 3 || random.Next(3) == 0)
        {
            return random.Next(2) == 0 ? "1" : "\"s\"";
        }
        var builder = new StringBuilder();
        if (random.Next(4) == 0)
        {
            builder.Append('[');
            for (var i = random.Next(3); i > 0; i--)
            {
                builder.Append(Generate(random, depth + 1)).Append(i > 1 ? "," : "");
            }
            return builder.Append(']').ToString();
        }
        builder.Append('{');
        for (var i = random.Next(4); i > 0; i--)
        {
            var name = random.Next(3) switch { 0 => "a", 1 => "b", _ => "\\u0061" };
            builder.Append('"').Append(name).Append("\":").Append(Generate(random, depth + 1)).Append(i > 1 ? "," : "");
        }
        return builder.Append('}').ToString();
    }
}
