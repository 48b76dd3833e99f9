using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>Collects log entries (event id, level, formatted message, exception) for assertions.</summary>
public sealed class CollectingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(EventId Id, LogLevel Level, string Category, string Message, Exception? Exception)> Entries { get; } = new();

    private readonly List<(Func<(EventId Id, LogLevel Level, string Category, string Message, Exception? Exception), bool> Match, TaskCompletionSource Signal)> _waiters = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Completes when an entry with <paramref name="eventId"/> (and matching <paramref name="match"/>) has been logged, now or later.</summary>
    public Task WaitForEventAsync(int eventId, Func<string, bool>? match = null, TimeSpan? timeout = null)
    {
        Func<(EventId Id, LogLevel Level, string Category, string Message, Exception? Exception), bool> predicate = e => e.Id.Id == eventId && (match is null || match(e.Message));
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (Entries.Any(predicate))
            {
                return Task.CompletedTask;
            }
            _waiters.Add((predicate, signal));
        }
        return signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    private void Add((EventId Id, LogLevel Level, string Category, string Message, Exception? Exception) entry)
    {
        lock (_waiters)
        {
            Entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(w => w.Match(entry)).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add((eventId, logLevel, category, formatter(state, exception), exception));
    }
}
