using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Clerk.BackendApi;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Clerk.Sdk.Tests.Operations;

/// <summary>Multipart uploads (build/Clerk.SpecTool/FormParameters.cs): camelCase parameters, snake_case wire names, optional fields optional.</summary>
public class FormUploadTests
{
    [Test]
    public async Task UploadLogo_WithoutUploader_SendsOnlyTheFile()
    {
        string? body = null;
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Put, "https://api.clerk.com/v1/organizations/org_1/logo")
            .With(request =>
            {
                body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
                return request.Content is MultipartFormDataContent;
            })
            .Respond("application/json", "{\"id\":\"org_1\",\"object\":\"organization\"}");
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_abc", HttpMessageHandler = mock });
        using var logo = new MemoryStream(Encoding.ASCII.GetBytes("PNG"));

        var organization = await clerk.Organizations.UploadLogoAsync("org_1", new FileParameter(logo, "logo.png", "image/png"));

        Assert.That(organization.Id, Is.EqualTo("org_1"));
        Assert.That(body, Does.Contain("name=\"file\"; filename=\"logo.png\"").And.Not.Contain("filename*"));
        Assert.That(body, Does.Not.Contain("uploader_user_id"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task UploadLogo_WithUploader_SendsTheWireName()
    {
        string? body = null;
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Put, "https://api.clerk.com/v1/organizations/org_1/logo")
            .With(request =>
            {
                body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
                return true;
            })
            .Respond("application/json", "{\"id\":\"org_1\"}");
        using var clerk = new ClerkClient(new ClerkClientOptions { SecretKey = "sk_test_abc", HttpMessageHandler = mock });
        using var logo = new MemoryStream(Encoding.ASCII.GetBytes("PNG"));

        await clerk.Organizations.UploadLogoAsync("org_1", new FileParameter(logo, "logo.png", "image/png"), new OrganizationUploadLogoOptions { UploaderUserId = "user_1" });

        Assert.That(body, Does.Contain("name=\"uploader_user_id\""));
        Assert.That(body, Does.Contain("user_1"));
        var parameter = typeof(IOrganizationsClient).GetMethod(nameof(IOrganizationsClient.UploadLogoAsync))!.GetParameters().Select(p => p.Name);
        Assert.That(parameter, Is.EqualTo(new[] { "organizationId", "file", "options", "requestOptions", "cancellationToken" }));
    }
}
