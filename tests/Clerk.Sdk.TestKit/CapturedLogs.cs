using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Clerk.Sdk.TestKit;

/// <summary>
/// An <see cref="ILoggerFactory"/> and <see cref="ILoggerProvider"/> that records every entry (category, level,
/// rendered message, exception, structured values), to check what reached the logs and what never did.
/// </summary>
public sealed class CapturedLogs : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>Every entry, in order.</summary>
    public IReadOnlyList<Entry> Entries => _entries.ToList();

    /// <summary>Every entry as one line: <c>Level Category: message exception</c>.</summary>
    public IReadOnlyList<string> Messages => _entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}").ToList();

    /// <summary>The delays (ms) the SDK's retry handler announced, in order.</summary>
    public IReadOnlyList<long> RetryDelays => Entries.Where(e => e.Values.ContainsKey("DelayMs")).Select(e => Convert.ToInt64(e.Values["DelayMs"])).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    /// <summary>One log entry.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Values);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : new Dictionary<string, object?>();
            owner._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception, values));
        }
    }
}
