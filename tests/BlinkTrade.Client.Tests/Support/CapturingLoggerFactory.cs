using Microsoft.Extensions.Logging;

namespace BlinkTrade.Client.Tests.Support;

/// <summary>Captures every log line (event id, formatted message, exception) for assertions.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly List<(EventId Id, LogLevel Level, string Text)> _lines = [];

    public IReadOnlyList<(EventId Id, LogLevel Level, string Text)> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception) + (exception is null ? string.Empty : " " + exception);
            lock (owner._lines)
            {
                owner._lines.Add((eventId, logLevel, text));
            }
        }
    }
}
