using System;
using System.Net;
using Clerk.Sdk.ConformanceTests.Invocation;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests.SelfTests;

/// <summary>The checks Prism cannot make, shown failing on the defects they exist for.</summary>
public class ExchangeChecksTests
{
    private static readonly Spec.ApiSpec Spec = TestSpecs.Things();

    [Test]
    public void AConformingExchange_Passes()
    {
        var failures = Check("Things_List", Exchange("GET", "/v1/things?limit=5&user_id=a&user_id=b"));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void AMisspelledQueryName_Fails()
    {
        var failures = Check("Things_List", Exchange("GET", "/v1/things?userId=a"));
        Assert.That(failures, Has.Some.Contains("query parameter 'userId' is not a parameter of Things_List"));
    }

    [Test]
    public void AJsonNullBody_Fails()
    {
        var failures = Check("Things_Create", Exchange("POST", "/v1/things", "application/json; charset=utf-8", "null"));
        Assert.That(failures, Has.Some.Contains("JSON Null body"));
    }

    [Test]
    public void AMultipartBodySentAsJson_Fails()
    {
        var failures = Check("Things_UploadLogo", Exchange("PUT", "/v1/things/thg_1/logo", "application/json", "{}"));
        Assert.That(failures, Has.Some.Contains("the spec's body is multipart/form-data"));
    }

    [Test]
    public void ABodyForAnOperationWithoutOne_Fails()
    {
        var failures = Check("Things_List", Exchange("GET", "/v1/things", "application/json", "{}"));
        Assert.That(failures, Has.Some.Contains("which has no request body in the spec"));
    }

    [Test]
    public void ARequestViolationInTheHeader_Fails()
    {
        var exchange = Exchange("GET", "/v1/things?limit=0");
        exchange.ViolationsHeader = """[{"location":["request","query","limit"],"severity":"Error","code":"minimum","message":"must be >= 1"}]""";
        Assert.That(Check("Things_List", exchange), Has.Some.Contains("request.query.limit"));
    }

    private static System.Collections.Generic.List<string> Check(string operationId, Exchange exchange) =>
        ExchangeChecks.Check(Spec.ById[operationId], Spec, exchange);

    private static Exchange Exchange(string method, string pathAndQuery, string? contentType = null, string body = "") => new()
    {
        Method = method,
        SdkUri = new Uri("http://127.0.0.1:4010" + pathAndQuery),
        RequestContentType = contentType,
        RequestBody = body,
        Status = HttpStatusCode.OK,
    };
}
