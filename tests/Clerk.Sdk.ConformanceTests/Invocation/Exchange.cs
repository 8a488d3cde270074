using System;
using System.Collections.Generic;
using System.Net;

namespace Clerk.Sdk.ConformanceTests.Invocation;

/// <summary>One request the SDK sent and what Prism answered, as seen on the wire.</summary>
internal sealed class Exchange
{
    public required string Method { get; init; }

    /// <summary>The URL the SDK built (with the server's base path, if any), before it is pointed at Prism.</summary>
    public required Uri SdkUri { get; init; }

    public string? RequestContentType { get; init; }

    public string RequestBody { get; init; } = "";

    /// <summary>The scheme of the request's <c>Authorization</c> header (<c>Bearer</c>), or null; never the credentials.</summary>
    public string? AuthorizationScheme { get; init; }

    public HttpStatusCode Status { get; set; }

    public string? ResponseContentType { get; set; }

    public string ResponseBody { get; set; } = "";

    /// <summary>The raw <c>sl-violations</c> header, or null.</summary>
    public string? ViolationsHeader { get; set; }

    public List<string> Problems { get; } = new();

    public override string ToString() =>
        $"{Method} {SdkUri.PathAndQuery} [{RequestContentType}] {Shorten(RequestBody)} -> {(int)Status} [{ResponseContentType}] {Shorten(ResponseBody)}";

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "...";
}
