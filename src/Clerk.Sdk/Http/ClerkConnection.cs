using System;
using System.Net.Http;
using Newtonsoft.Json;

namespace Clerk.Http;

/// <summary>
/// What every generated client of one facade shares: the base URL, the HttpClient (and whether the facade owns it),
/// the API's headers and credentials. One per facade (<see cref="ClerkClient"/>, <see cref="ClerkFrontendClient"/>).
/// </summary>
internal sealed class ClerkConnection : IDisposable
{
    /// <summary>Json.NET settings of every request and response body: the models carry their own converters.</summary>
    internal static readonly JsonSerializerSettings JsonSettings = new();

    private readonly bool _ownsHttpClient;

    public ClerkConnection(string baseUrl, HttpClient httpClient, bool ownsHttpClient, ClerkRequestHeaders headers, bool strictResponses = false)
    {
        ReadSettings = strictResponses ? Serialization.StrictContractResolver.Settings : JsonSettings;
        BaseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        HttpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        Headers = headers;
    }

    /// <summary>Json.NET settings for reading response bodies: <see cref="JsonSettings"/>, or strict ones (<see cref="ClerkClientOptionsBase.StrictResponses"/>).</summary>
    public JsonSerializerSettings ReadSettings { get; }

    /// <summary>The base URL, ending with <c>/</c>; operation paths are appended to it.</summary>
    public string BaseUrl { get; }

    /// <summary>The HttpClient every request goes through (the SDK's pipeline, or the caller's).</summary>
    public HttpClient HttpClient { get; }

    /// <summary>What the facade adds to every request and reads from every response.</summary>
    public ClerkRequestHeaders Headers { get; }

    /// <summary>Disposes the HttpClient if the facade created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient) HttpClient.Dispose();
    }

    /// <summary>The base URL only: no credential.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"ClerkConnection({BaseUrl})";
}
