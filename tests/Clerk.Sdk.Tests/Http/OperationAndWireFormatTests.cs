using System;
using System.Globalization;
using System.Net.Http;
using System.Runtime.Serialization;
using System.Text;
using Clerk.Http;
using NUnit.Framework;

namespace Clerk.Sdk.Tests.Http;

/// <summary>
/// The operation descriptor on its own (arguments, id, idempotency by method, credentials, path templates) and how a
/// value is written on the wire (every type the generated code passes, and CLR enums with and without <c>EnumMember</c>).
/// </summary>
public class OperationAndWireFormatTests
{
    private enum Plain { First, Second }

    private enum Named
    {
        [EnumMember(Value = "first_one")]
        First,
        Second,
    }

    private static ClerkOperation Op(string method = "GET", string path = "/users/{user_id}", string? credentials = "bearer") =>
        new("Users", "Get", method, path, credentials, null, "application/json", ClerkResultKind.Json);

    [Test]
    public void BadArguments_AreRefusedByName()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ClerkOperation("", "Get", "GET", "/x", null, null, null, ClerkResultKind.None))!.ParamName, Is.EqualTo("resource"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ClerkOperation("Users", "", "GET", "/x", null, null, null, ClerkResultKind.None))!.ParamName, Is.EqualTo("name"));
            Assert.That(Assert.Throws<ArgumentException>(() => _ = new ClerkOperation("Users", "Get", "", "/x", null, null, null, ClerkResultKind.None))!.ParamName, Is.EqualTo("method"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => _ = new ClerkOperation("Users", "Get", "GET", null!, null, null, null, ClerkResultKind.None))!.ParamName, Is.EqualTo("pathTemplate"));
        });
    }

    [Test]
    public void TheIdAndDescription_NameResourceMethodAndTemplate()
    {
        Assert.That(Op().Id, Is.EqualTo("Users.Get"));
        Assert.That(Op().ToString(), Is.EqualTo("Users.Get GET /users/{user_id}"));
        using var request = new HttpRequestMessage(HttpMethod.Delete, "https://api.clerk.com/v1/users/user_1");
        Assert.That(ClerkOperation.Describe(request), Is.EqualTo("DELETE (a request not built by the SDK)"));
    }

    [TestCase("GET", true)]
    [TestCase("HEAD", true)]
    [TestCase("OPTIONS", true)]
    [TestCase("PUT", true)]
    [TestCase("DELETE", true)]
    [TestCase("POST", false)]
    [TestCase("PATCH", false)]
    public void Idempotency_FollowsTheMethod(string method, bool idempotent) => Assert.That(Op(method).IsIdempotent, Is.EqualTo(idempotent));

    [TestCase(null, "bearer", true, TestName = "no credentials listed accepts any")]
    [TestCase("bearer", "bearer", true, TestName = "the only one")]
    [TestCase("bearer machine", "machine", true, TestName = "the last of two")]
    [TestCase("machine bearer", "machine", true, TestName = "the first of two")]
    [TestCase("bearer machine", "basic", false, TestName = "not listed")]
    [TestCase("bearermachine", "bearer", false, TestName = "a prefix of a word")]
    [TestCase("machine", "mach", false, TestName = "part of a word")]
    [TestCase(" bearer", "bearer", true, TestName = "a leading space")]
    public void Credentials_AreWholeWords(string? credentials, string kind, bool accepted) => Assert.That(Op(credentials: credentials).Accepts(kind), Is.EqualTo(accepted));

    [TestCase("/users/{user_id}", new[] { "user_id" }, new[] { "u/1" }, "users/u%2F1")]
    [TestCase("/{a}/x/{b}", new[] { "a", "b" }, new[] { "1", "2" }, "1/x/2")]
    [TestCase("/orgs/{org}/members/{user}/role", new[] { "org", "user" }, new[] { "o", "u" }, "orgs/o/members/u/role")]
    [TestCase("/jwks", new string[0], new string[0], "jwks")]
    [TestCase("/broken/{unclosed", new string[0], new string[0], "broken/{unclosed")]
    [TestCase("/a/{b}{c}", new[] { "b", "c" }, new[] { "1", "2" }, "a/12")]
    public void PathTemplates_SplitIntoLiteralsAndParameters(string template, string[] parameters, string[] values, string path)
    {
        var operation = Op(path: template);
        Assert.That(operation.PathParameters, Is.EqualTo(parameters));
        var builder = new StringBuilder();
        operation.AppendPath(builder, values);
        Assert.That(builder.ToString(), Is.EqualTo(path));
    }

    [Test]
    public void AMissingPathValue_NamesTheParameter() =>
        Assert.That(Assert.Throws<ArgumentException>(() => Op().AppendPath(new StringBuilder(), [null]))!.Message, Is.EqualTo("Users.Get: the path parameter 'user_id' was not given."));

    [Test]
    public void Values_AreWrittenInvariantly()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(ClerkWireFormat.Format<string?>(null), Is.EqualTo(""));
                Assert.That(ClerkWireFormat.Format(true), Is.EqualTo("true"));
                Assert.That(ClerkWireFormat.Format(false), Is.EqualTo("false"));
                Assert.That(ClerkWireFormat.Format(1234567890123L), Is.EqualTo("1234567890123"));
                Assert.That(ClerkWireFormat.Format(-5), Is.EqualTo("-5"));
                Assert.That(ClerkWireFormat.Format(1.5), Is.EqualTo("1.5"));
                Assert.That(ClerkWireFormat.Format(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)), Is.EqualTo("2024-01-02T03:04:05"));
                Assert.That(ClerkWireFormat.Format(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)), Is.EqualTo("2024-01-02T03:04:05"));
                Assert.That(ClerkWireFormat.Format(new byte[] { 1, 2, 255 }), Is.EqualTo("AQL/"));
                Assert.That(ClerkWireFormat.Format(1.25m), Is.EqualTo("1.25"));
                Assert.That(ClerkWireFormat.Format(new Uri("https://x.test/a")), Is.EqualTo("https://x.test/a"));
                Assert.That(ClerkWireFormat.Format(Plain.Second), Is.EqualTo("Second"));
                Assert.That(ClerkWireFormat.Format(Named.First), Is.EqualTo("first_one"));
                Assert.That(ClerkWireFormat.Format(Named.Second), Is.EqualTo("Second"));
                Assert.That(ClerkWireFormat.Format((Plain)7), Is.EqualTo("7"));
            });
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
