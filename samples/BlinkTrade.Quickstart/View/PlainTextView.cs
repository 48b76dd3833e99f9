using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.State;

namespace BlinkTrade.Quickstart.View;

/// <summary>
/// The view for pipes, logs and CI: a status line once per second (see <see cref="PlainTextFormatter"/>), a line per
/// execution report and per notice as they happen. No colours, no cursor movement.
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
        Action<ExecutionReport> onReport = report => WriteLine(PlainTextFormatter.ExecutionReportLine(report));
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

    private void WriteLine(string line)
    {
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
