using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Clerk.Testing.Errors;
using Microsoft.AspNetCore.Http;

namespace Clerk.Testing.Hosting;

/// <summary>
/// What Clerk checks before any endpoint: the secret key (<c>Authorization: Bearer sk_...</c>, else 401
/// <c>authentication_invalid</c>) and the <c>Clerk-API-Version</c> (a <c>YYYY-MM-DD</c> date, else 400
/// <c>api_version_invalid</c>; echoed in the response; the spec's version when none is sent).
/// </summary>
internal sealed class RequestGate
{
    private const string VersionItem = "Clerk.Testing.ApiVersion";
    private readonly FakeInstance _instance;

    public RequestGate(FakeInstance instance)
    {
        _instance = instance;
    }

    /// <summary>The API version of a request that passed the gate.</summary>
    public static string ApiVersionOf(HttpContext context) => (string)context.Items[VersionItem]!;

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (!IsAuthenticated(context.Request.Headers.Authorization.ToString()))
        {
            await FakeRoutes.WriteAsync(context, 401, ErrorBody.Create(Faults.Unauthenticated().Errors)).ConfigureAwait(false);
            return;
        }
        var version = context.Request.Headers[ClerkClientOptions.ApiVersionHeader].ToString();
        if (version.Length == 0)
        {
            version = _instance.Spec.Version;
        }
        else if (!DateOnly.TryParseExact(version, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            var error = new FakeError("api_version_invalid", "invalid API version", $"Clerk-API-Version must be a version date such as {_instance.Spec.Version}.");
            await FakeRoutes.WriteAsync(context, 400, ErrorBody.Create([error])).ConfigureAwait(false);
            return;
        }
        context.Items[VersionItem] = version;
        context.Response.Headers[ClerkClientOptions.ApiVersionHeader] = version;
        await next().ConfigureAwait(false);
    }

    private bool IsAuthenticated(string authorization)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var presented = Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim());
        var match = false;
        foreach (var key in _instance.SecretKeys)
        {
            match |= CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(key));
        }
        return match;
    }
}
