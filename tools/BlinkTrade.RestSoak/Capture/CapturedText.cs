using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.RestSoak.Capture;

/// <summary>Every text the run produced that a user could see or ship somewhere: each log line of the clients and the
/// exchange (with its exception), each exception the bot caught (<c>ToString()</c>, inner exceptions included) and
/// the <c>ToString()</c> of the options, credentials and answers. The audit looks for the secrets in all of it.</summary>
internal sealed class CapturedText : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Source, string Text)> _texts = new();

    public IReadOnlyCollection<(string Source, string Text)> Texts => _texts;

    public void Add(string source, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _texts.Enqueue((source, text));
        }
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
        // Nothing held: the texts stay readable for the audit.
    }
}
