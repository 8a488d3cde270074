using System;
using System.Net;
using Clerk.Sdk.ConformanceTests.Invocation;
using NUnit.Framework;

namespace Clerk.Sdk.ConformanceTests.SelfTests;

/// <summary>The checks Prism cannot make, shown failing on the defects they exist for.</summary>
public class ExchangeChecksTests
{
    private static readonly Clerk.Sdk.TestKit.Spec.ApiSpec Spec = TestSpecs.Things();

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

    [Test]
    public void ASecuritySchemeQueryName_AndAClientParameter_Pass()
    {
        var failures = Check("Things_List", Exchange("GET", "/v1/things?limit=5&_is_native=true&__clerk_api_version=2025-11-10"), NativeApp);
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void AClientParameterOfAnotherFacade_StillFails()
    {
        var failures = Check("Things_List", Exchange("GET", "/v1/things?__clerk_api_version=2025-11-10"));
        Assert.That(failures, Has.Some.Contains("query parameter '__clerk_api_version' is not a parameter of Things_List"));
    }

    [Test]
    public void MissingOrWrongCredentials_Fail()
    {
        var exchange = Exchange("GET", "/v1/things?_is_native=false", authorizationScheme: "Basic");
        var failures = Check("Things_List", exchange, NativeApp);
        Assert.That(failures, Has.Some.Contains("must send _is_native=true once with its bearer token; it sent [false]"));
        Assert.That(failures, Has.Some.Contains("must send __clerk_api_version=2025-11-10 once on every request; it sent []"));
        Assert.That(failures, Has.Some.Contains("asks for Authorization: Bearer; the facade sent Basic"));
    }

    [Test]
    public void ACredentialSentToAPublicOperation_Fails()
    {
        var exchange = Exchange("PUT", "/v1/things/thg_1/logo?_is_native=true&__clerk_api_version=2025-11-10", "multipart/form-data; boundary=x", "--x--");
        var failures = Check("Things_UploadLogo", exchange, NativeApp);
        Assert.That(failures, Has.Some.Contains("accepts no credential the facade has (public: no security), yet it sent Authorization: Bearer"));
        Assert.That(failures, Has.Some.Contains("query parameter '_is_native' is a credential of a security scheme Things_UploadLogo does not accept"));
    }

    /// <summary>What ClerkFrontendClient adds: a bearer token with _is_native (a security scheme of the spec), and the version.</summary>
    private static readonly RequestExpectations NativeApp = new(
        new System.Collections.Generic.HashSet<string> { "__clerk_api_version" },
        OnEveryRequest: [("__clerk_api_version", "2025-11-10")],
        WithBearer: [("_is_native", "true")],
        SendsBasic: false,
        "openapi/overlays/fapi");

    private static System.Collections.Generic.List<string> Check(string operationId, Exchange exchange, RequestExpectations? expectations = null) =>
        ExchangeChecks.Check(Spec.ById[operationId], Spec, exchange, expectations);

    private static Exchange Exchange(string method, string pathAndQuery, string? contentType = null, string body = "", string? authorizationScheme = "Bearer") => new()
    {
        AuthorizationScheme = authorizationScheme,
        Method = method,
        SdkUri = new Uri("http://127.0.0.1:4010" + pathAndQuery),
        RequestContentType = contentType,
        RequestBody = body,
        Status = HttpStatusCode.OK,
    };
}
