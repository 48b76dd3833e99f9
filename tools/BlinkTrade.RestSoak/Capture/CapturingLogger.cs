using Microsoft.Extensions.Logging;

namespace BlinkTrade.RestSoak.Capture;

/// <summary>Keeps every log line at every level, its structured values and its exception, in <see cref="CapturedText"/>.</summary>
internal sealed class CapturingLogger(CapturedText sink, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        sink.Add("log scope " + category, state.ToString());
        return null;
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        sink.Add("log " + category, $"{logLevel} {eventId.Id} {formatter(state, exception)} [{values}] {exception}");
    }
}
