using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Clerk.Http;

/// <summary>
/// The request of one call, filled by a generated operation method (path values, query, headers, body or form fields,
/// in the spec's wire names) and turned into an <see cref="HttpRequestMessage"/> by the send path
/// (<see cref="ClerkApiClientBase"/>). The body is encoded as what the operation's descriptor says it is (JSON, a
/// urlencoded form, multipart) the first time.
/// </summary>
internal sealed class ClerkRequestBuilder
{
    [ThreadStatic]
    private static StringBuilder? t_cachedBuilder;

    private readonly string?[]? _pathValues;
    private StringBuilder? _query;
    private List<KeyValuePair<string, string>>? _headers;
    private object? _body;
    private bool _hasBody;
    private List<KeyValuePair<string, string>>? _fields;
    private List<(string Name, Stream Data, string FileName, string? ContentType)>? _files;

    internal ClerkRequestBuilder(ClerkOperation operation)
    {
        Operation = operation;
        var count = operation.PathParameters.Count;
        _pathValues = count == 0 ? null : new string?[count];
    }

    private ClerkRequestBuilder(ClerkRequestBuilder source)
    {
        Operation = source.Operation;
        _pathValues = source._pathValues;
        _query = source._query is null ? null : new StringBuilder(source._query.ToString());
        _headers = source._headers is null ? null : [.. source._headers];
        _body = source._body;
        _hasBody = source._hasBody;
        _fields = source._fields is null ? null : [.. source._fields];
        _files = source._files;
    }

    /// <summary>A copy to add one page's parameters to (a list operation's request is filled once, at the call).</summary>
    /// <returns>The copy.</returns>
    public ClerkRequestBuilder Copy() => new(this);

    /// <summary>The operation this request is for.</summary>
    public ClerkOperation Operation { get; }

    /// <summary>Sets a path parameter. An empty value is refused: it would address another endpoint (<c>/users/</c> is the list).</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <param name="argument">The C# parameter name, for the exception.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value is empty or white space.</exception>
    public void Path<T>(string name, string argument, T value)
    {
        // An unset extensible enum (default) has no value: missing, like null.
        var text = value is null ? null : ClerkWireFormat.Format(value);
        if (text is null || (text.Length == 0 && typeof(T) != typeof(string)))
        {
            throw new ArgumentNullException(argument, $"{Operation.Id}: '{argument}' is required.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{Operation.Id}: '{argument}' must not be empty (an empty path segment would address another endpoint).", argument);
        }
        var index = Operation.PathParameterIndex(name);
        if (index < 0) throw new ArgumentException($"{Operation.Id} has no path parameter '{name}'.", nameof(name));
        _pathValues![index] = text;
    }

    /// <summary>Refuses a null value for a required parameter (body, header, form field).</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="argument">The C# parameter name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public void Require<T>(string argument, T value)
    {
        if (value is null) throw new ArgumentNullException(argument, $"{Operation.Id}: '{argument}' is required.");
    }

    /// <summary>Adds a query parameter unless the value is null.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <param name="value">The value, or null to leave it out.</param>
    public void Query<T>(string name, T value)
    {
        if (value is null) return;
        AppendQuery(name, ClerkWireFormat.Format(value));
    }

    /// <summary>Adds a query parameter once per item (<c>email_address=a&amp;email_address=b</c>) unless the list is null.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="name">The parameter's name in the spec.</param>
    /// <param name="values">The items, or null to leave it out.</param>
    public void QueryEach<T>(string name, IEnumerable<T>? values)
    {
        if (values is null) return;
        foreach (var value in values)
        {
            if (value is not null) AppendQuery(name, ClerkWireFormat.Format(value));
        }
    }

    /// <summary>Adds a header parameter unless the value is null.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, or null to leave it out.</param>
    public void Header<T>(string name, T value)
    {
        if (value is null) return;
        (_headers ??= []).Add(new(name, ClerkWireFormat.Format(value)));
    }

    /// <summary>Sets the JSON body (null: none, or <c>{}</c> where the spec requires a body none of whose fields is required).</summary>
    /// <param name="body">The body model, or null.</param>
    public void Body(object? body)
    {
        _body = body;
        _hasBody = body is not null;
    }

    /// <summary>Adds a form field unless the value is null.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="name">The field's name in the spec.</param>
    /// <param name="value">The value, or null to leave it out.</param>
    public void Form<T>(string name, T value)
    {
        if (value is null) return;
        (_fields ??= []).Add(new(name, ClerkWireFormat.Format(value)));
    }

    /// <summary>Adds a form field once per item unless the list is null.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="name">The field's name in the spec.</param>
    /// <param name="values">The items, or null to leave it out.</param>
    public void FormEach<T>(string name, IEnumerable<T>? values)
    {
        if (values is null) return;
        foreach (var value in values)
        {
            if (value is not null) (_fields ??= []).Add(new(name, ClerkWireFormat.Format(value)));
        }
    }

    /// <summary>Adds a file to a multipart form unless <paramref name="data"/> is null.</summary>
    /// <param name="name">The field's name in the spec.</param>
    /// <param name="data">The file's content, or null to leave it out.</param>
    /// <param name="fileName">The file name sent (the field name when null).</param>
    /// <param name="contentType">The file's media type, or null.</param>
    public void File(string name, Stream? data, string? fileName, string? contentType)
    {
        if (data is null) return;
        (_files ??= []).Add((name, data, fileName ?? name, contentType));
    }

    /// <summary>The request message for <paramref name="baseUrl"/>, with the descriptor on it.</summary>
    internal HttpRequestMessage ToMessage(string baseUrl, JsonSerializerSettings settings, ClerkRequestOptions? options)
    {
        var url = t_cachedBuilder ?? new StringBuilder(256);
        t_cachedBuilder = null;
        url.Clear().Append(baseUrl);
        Operation.AppendPath(url, _pathValues);
        if (_query is not null) url.Append('?').Append(_query);
        var message = new HttpRequestMessage(Operation.Method, new Uri(url.ToString(), UriKind.Absolute));
        if (url.Capacity <= 4096) t_cachedBuilder = url;
        message.Options.Set(ClerkOperation.OptionsKey, Operation);
        if (options is not null) message.Options.Set(ClerkRequestOptions.OptionsKey, options);
        message.Content = CreateContent(settings);
        if (_headers is not null)
        {
            foreach (var (name, value) in _headers) message.Headers.TryAddWithoutValidation(name, value);
        }
        if (Operation.ResultKind == ClerkResultKind.Text)
        {
            // Clerk's errors are JSON whatever an operation returns on success (an HTML page): accept both.
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Operation.ResultMediaType ?? "text/html"));
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
        }
        else
        {
            message.Headers.Accept.Add(JsonMediaType);
        }
        return message;
    }

    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

    private HttpContent? CreateContent(JsonSerializerSettings settings)
    {
        var media = Operation.RequestMediaType;
        if (media is null) return null;
        if (ClerkOperation.IsJson(media))
        {
            if (!_hasBody)
            {
                return Operation.EmptyBody ? Json("{}") : null;
            }
            return Json(JsonConvert.SerializeObject(_body, settings));
        }
        if (Operation.SendsUrlEncodedForm)
        {
            if (_files is not null)
            {
                throw new InvalidOperationException($"{Operation.Id}: the form field '{_files[0].Name}' is a file, which an application/x-www-form-urlencoded body cannot carry.");
            }
            return new FormUrlEncodedContent(_fields ?? []);
        }
        if (media.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in _fields ?? [])
            {
                var part = new StringContent(value);
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
                form.Add(part);
            }
            foreach (var (name, data, fileName, contentType) in _files ?? [])
            {
                var part = new StreamContent(data);
                if (!string.IsNullOrEmpty(contentType)) part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                // RFC 7578: quoted name and filename, no filename* (which .NET would add).
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name), FileName = Quote(fileName) };
                form.Add(part);
            }
            return form;
        }
        if (_hasBody && _body is Stream stream)
        {
            var content = new StreamContent(stream);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(media);
            return content;
        }
        return _hasBody ? new StringContent(_body as string ?? JsonConvert.SerializeObject(_body, settings), Encoding.UTF8, media) : null;
    }

    private static StringContent Json(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private void AppendQuery(string name, string value)
    {
        var query = _query ??= new StringBuilder(64);
        if (query.Length > 0) query.Append('&');
        query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
