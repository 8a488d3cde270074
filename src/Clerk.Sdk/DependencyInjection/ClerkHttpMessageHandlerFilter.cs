using System;
using Clerk.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Clerk.DependencyInjection;

/// <summary>
/// Puts the SDK's pipeline (diagnostics, retries) at the head of the named client's additional handlers after every other
/// configuration of it has run, so handlers the application adds, whenever it adds them, sit inside the retries.
/// </summary>
internal sealed class ClerkHttpMessageHandlerFilter : IHttpMessageHandlerBuilderFilter
{
    private readonly IOptions<ClerkClientOptions> _options;

    public ClerkHttpMessageHandlerFilter(IOptions<ClerkClientOptions> options)
    {
        _options = options;
    }

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            if (string.Equals(builder.Name, ClerkServiceCollectionExtensions.HttpClientName, StringComparison.Ordinal))
            {
                var handlers = ClerkHttpPipeline.CreateHandlers(_options.Value);
                for (var i = 0; i < handlers.Length; i++)
                {
                    builder.AdditionalHandlers.Insert(i, handlers[i]);
                }
            }
        };
    }
}
