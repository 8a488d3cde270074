using Clerk.BackendApi;
using Clerk.Sdk.ConformanceTests.Synthesis;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests.SelfTests;

/// <summary>A body field the C# model does not map (it would only survive in AdditionalProperties) is reported.</summary>
public class UnmodeledFieldsTests
{
    [Test]
    public void AFieldTheModelDoesNotMap_IsReported_MetadataIsNot()
    {
        var body = JObject.Parse("""{ "token": "jwt", "tokne": "typo" }""").ToObject<VerifyClientRequest>()!;
        Assert.That(UnmodeledFields.Find(body), Is.EqualTo(new[] { "body.tokne is not a property of VerifyClientRequest" }));
        Assert.That(UnmodeledFields.Find(Metadata.From(new { plan = "pro" })), Is.Empty);
    }
}
