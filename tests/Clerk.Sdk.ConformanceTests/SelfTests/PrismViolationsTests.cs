using System.Linq;
using Clerk.Sdk.ConformanceTests.Prism;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests.SelfTests;

/// <summary>Reading Prism's verdicts: the sl-violations header (also when Node cut it) and the 422 problem body.</summary>
public class PrismViolationsTests
{
    private const string RequestError = """{"location":["request","query","limit"],"severity":"Error","code":"type","message":"Request query parameter limit must be integer"}""";
    private const string RequestWarning = """{"location":["request","query","frontendApi"],"severity":"Warning","code":"deprecated","message":"Query param frontendApi is deprecated"}""";
    private const string ResponsePattern = """{"location":["response","body","linked_to","0","type"],"severity":"Error","code":"pattern","message":"must match pattern"}""";
    private const string ResponseRequired = """{"location":["response","body"],"severity":"Error","code":"required","message":"Response body must have required property 'authenticatable'"}""";

    [Test]
    public void OnlyRequestErrorsCount()
    {
        var violations = PrismViolations.FromHeader($"[{RequestError},{RequestWarning},{ResponsePattern}]");
        Assert.That(violations.Select(v => v.Location), Is.EqualTo(new[] { "request.query.limit" }));
    }

    [Test]
    public void ACutHeader_KeepsItsCompleteEntries()
    {
        var header = $"[{RequestError},{ResponsePattern},{ResponsePattern}"[..(RequestError.Length + ResponsePattern.Length + 20)];
        var violations = PrismViolations.FromHeader(header);
        Assert.That(violations.Select(v => v.Location), Is.EqualTo(new[] { "request.query.limit" }));
    }

    [Test]
    public void AnEntryCutInsideARequestLocation_StillCounts()
    {
        var header = $"[{ResponsePattern},{RequestError}"[..(ResponsePattern.Length + 20)];
        Assert.That(PrismViolations.FromHeader(header), Has.Count.EqualTo(1));
    }

    [Test]
    public void TheProblemBody_OfAnOperationWithout400Or422()
    {
        const string body = """{"type":"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY","title":"Invalid request","status":422,"validation":[{"location":["body","expires_in_seconds"],"severity":"Error","code":"type","message":"must be integer,null"}]}""";
        Assert.That(PrismViolations.FromProblemBody(body).Single().Location, Is.EqualTo("request.body.expires_in_seconds"));
        Assert.That(PrismViolations.ProblemOf("""{"errors":[]}"""), Is.Null, "a Clerk error body is not a Prism problem");
    }

    [Test]
    public void AResponseMissingARequiredProperty_IsASpecDefect()
    {
        var defects = PrismViolations.SpecDefects($"[{ResponsePattern},{ResponseRequired}]");
        Assert.That(defects.Single().Message, Does.Contain("authenticatable"));
    }
}
