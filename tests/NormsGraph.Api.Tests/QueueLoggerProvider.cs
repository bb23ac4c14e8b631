using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NormsGraph.Api.Tests;

/// <summary>Writes each log entry as one line into a queue a test can read.</summary>
internal sealed class QueueLoggerProvider(ConcurrentQueue<string> entries) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{category}|{logLevel}|{eventId.Id}|{formatter(state, exception)}|{exception?.GetType().Name}");
            }
        }
    }
}
