using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Clerk.Sdk.ConformanceTests.Synthesis;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests.SelfTests;

/// <summary>The pattern generator behind every synthesized Clerk ID: each pattern of both specs, and the subset's edges.</summary>
public class RegexSamplerTests
{
    public static IEnumerable<string> SpecPatterns() =>
        ConformanceApi.All.SelectMany(api => api.Normalized.Document.Descendants()).OfType<JProperty>()
            .Where(p => p.Name == "pattern" && p.Value.Type == JTokenType.String && p.Parent?.Parent is not JProperty { Name: "properties" })
            .Select(p => (string)p.Value!)
            .Distinct()
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(SpecPatterns))]
    public void EveryPatternOfTheSpec_GetsAMatchingSample(string pattern)
    {
        var sample = RegexSampler.Sample(pattern);
        Assert.That(Regex.IsMatch(sample, pattern, RegexOptions.ECMAScript), Is.True, $"'{sample}' does not match /{pattern}/");
    }

    [Test]
    public void AClerkIdPattern_GivesThePrefixAnd27WordCharacters()
    {
        var sample = RegexSampler.Sample(@"^(user|org|mch|scim)_\w{27}$");
        Assert.That(sample, Does.Match(@"^user_[A-Za-z0-9_]{27}$"));
    }

    [TestCase(@"^oauth_(?:(?:token_)|(?:custom_))?[a-z]+$", "oauth_token_")]
    [TestCase(@"^[^_][A-Za-z0-9_-]*$", "")]
    [TestCase(@"^(\S(.*\S)?)?$", "")]
    [TestCase(@"^[A-Z]{2}$", "")]
    [TestCase(@"^(ak|api_key)_[0-9A-Fa-f]{32}$", "ak_")]
    public void GroupsClassesAndQuantifiers(string pattern, string prefix)
    {
        var sample = RegexSampler.Sample(pattern);
        Assert.That(sample, Does.Match(pattern).And.StartWith(prefix));
    }

    [Test]
    public void MinLength_StretchesOpenQuantifiers()
    {
        Assert.That(RegexSampler.Sample("^[a-z]+$", minLength: 12), Has.Length.GreaterThanOrEqualTo(12).And.Match("^[a-z]+$"));
    }

    [Test]
    public void APatternOutsideTheSubset_FailsInsteadOfGuessing()
    {
        Assert.Throws<NotSupportedException>(() => RegexSampler.Sample("^(?=abc)abc$"));
    }
}
