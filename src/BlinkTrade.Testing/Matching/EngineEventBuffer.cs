using BlinkTrade.Testing.Accounts;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// The preallocated sink the engine writes one command's output into: execution reports, market-data book
/// changes, trades and balance changes, each in the order they happened. The engine clears it at the start of
/// every command, so the spans are valid until the next command. Arrays only grow (to the largest command seen),
/// so steady-state commands allocate nothing.
/// </summary>
internal sealed class EngineEventBuffer
{
    private ExecutionReport[] _reports;
    private BookEvent[] _bookEvents;
    private Trade[] _trades;
    private readonly BalanceChangeLog _balanceChanges;
    private int _reportCount;
    private int _bookEventCount;
    private int _tradeCount;

    /// <summary>Creates a buffer with room for <paramref name="initialCapacity"/> events of each kind.</summary>
    /// <param name="initialCapacity">Initial capacity per event kind (grows on demand).</param>
    public EngineEventBuffer(int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        _reports = new ExecutionReport[initialCapacity];
        _bookEvents = new BookEvent[initialCapacity];
        _trades = new Trade[initialCapacity];
        _balanceChanges = new BalanceChangeLog(initialCapacity);
    }

    /// <summary>Execution reports of the last command, in emission order (§3.9).</summary>
    public ReadOnlySpan<ExecutionReport> ExecutionReports => new(_reports, 0, _reportCount);

    /// <summary>Market-data book changes of the last command, in application order (§3.8).</summary>
    public ReadOnlySpan<BookEvent> BookEvents => new(_bookEvents, 0, _bookEventCount);

    /// <summary>Trades (fills) of the last command, in fill order.</summary>
    public ReadOnlySpan<Trade> Trades => new(_trades, 0, _tradeCount);

    /// <summary>Balance changes of the last command: one per account and currency it changed, in the order first changed, with the
    /// balance at the end of the command (built when first read).</summary>
    public ReadOnlySpan<BalanceChange> BalanceChanges => _balanceChanges.Changes;

    /// <summary>Forgets the previous command's events (the engine calls this at the start of every command).</summary>
    public void Clear()
    {
        _reportCount = 0;
        _bookEventCount = 0;
        _tradeCount = 0;
        _balanceChanges.Clear();
    }

    internal ref ExecutionReport AddReport()
    {
        if (_reportCount == _reports.Length)
        {
            Array.Resize(ref _reports, _reports.Length * 2);
        }

        return ref _reports[_reportCount++];
    }

    internal ref BookEvent AddBookEvent()
    {
        if (_bookEventCount == _bookEvents.Length)
        {
            Array.Resize(ref _bookEvents, _bookEvents.Length * 2);
        }

        return ref _bookEvents[_bookEventCount++];
    }

    internal ref Trade AddTrade()
    {
        if (_tradeCount == _trades.Length)
        {
            Array.Resize(ref _trades, _trades.Length * 2);
        }

        return ref _trades[_tradeCount++];
    }

    /// <summary>Where the risk engine writes the command's balance changes.</summary>
    internal BalanceChangeLog BalanceLog => _balanceChanges;
}
