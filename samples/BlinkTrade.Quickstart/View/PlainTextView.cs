using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.State;

namespace BlinkTrade.Quickstart.View;

/// <summary>
/// The view for pipes, logs and CI: a status line once per second (see <see cref="PlainTextFormatter"/>), a line per
/// execution report (followed by a status line) and per notice as they happen. No colours, no cursor movement.
/// </summary>
internal sealed class PlainTextView : IMarketView
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();

    /// <summary>Creates the view.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="error">Where failures go.</param>
    /// <param name="timeProvider">The clock of the status lines.</param>
    public PlainTextView(TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        _output = output;
        _error = error;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public void Info(string message) => WriteLine(message);

    /// <inheritdoc />
    public void Fail(string message)
    {
        lock (_gate)
        {
            _error.WriteLine(message);
            _error.Flush();
        }
    }

    /// <inheritdoc />
    public async Task RunAsync(MarketState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        // Reports and notices are written as they arrive (from the client's threads; the lock keeps lines whole).
        // After a report, a status line with the state it led to (e.g. the order now open): a reader of the log sees
        // the effect next to its cause instead of waiting for the next tick.
        Action<ExecutionReport> onReport = report => WriteLines(PlainTextFormatter.ExecutionReportLine(report), PlainTextFormatter.StatusLine(state.Snapshot()));
        Action<string> onNotice = notice => WriteLine($"note: {notice}");
        state.ExecutionReportReceived += onReport;
        state.NoticeReceived += onNotice;
        try
        {
            using var timer = new PeriodicTimer(Interval, _timeProvider);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                WriteLine(PlainTextFormatter.StatusLine(state.Snapshot()));
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or --duration: one last line so the log ends with the final state.
            WriteLine(PlainTextFormatter.StatusLine(state.Snapshot()));
        }
        finally
        {
            state.ExecutionReportReceived -= onReport;
            state.NoticeReceived -= onNotice;
        }
    }

    private void WriteLine(string line) => WriteLines(line);

    private void WriteLines(params string[] lines)
    {
        lock (_gate)
        {
            foreach (var line in lines)
            {
                _output.WriteLine(line);
            }
            _output.Flush();
        }
    }
}
