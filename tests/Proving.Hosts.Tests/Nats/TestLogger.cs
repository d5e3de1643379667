using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Proving.Hosts.Tests.Nats;

/// <summary>An <see cref="ILogger"/> that keeps every formatted line, for asserting on log output.</summary>
public sealed class TestLogger : ILogger
{
    /// <summary>"LEVEL message" lines in order.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Lines containing <paramref name="text"/>.</summary>
    public int Count(string text) => Lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel} {formatter(state, exception)}");
}
