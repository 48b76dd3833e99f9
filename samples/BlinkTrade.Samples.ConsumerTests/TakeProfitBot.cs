using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Samples.ConsumerTests;

/// <summary>
/// The application code under test: a tiny "take-profit" bot. It buys with a limit order and, for every fill of
/// that order, immediately offers the filled quantity for sale <see cref="ProfitPerUnit"/> above the fill price.
/// An entry that is still open after <see cref="EntryTimeout"/> is cancelled.
/// </summary>
/// <remarks>
/// It depends only on <see cref="IBlinkTradeClient"/> and <see cref="TimeProvider"/>, never on a concrete
/// transport or the system clock: that is what lets the tests run it against the in-memory reference exchange and
/// drive its timeout with a manual clock.
/// </remarks>
public sealed class TakeProfitBot : IDisposable
{
    private readonly IBlinkTradeClient _client;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<Task> _work = [];
    private readonly List<IDisposable> _resources = [];
    private readonly Dictionary<string, OrdStatus> _entries = [];
    private int _sequence;

    /// <summary>Creates the bot.</summary>
    /// <param name="client">A connected, logged-in client.</param>
    /// <param name="symbol">The instrument to trade, e.g. "BTCUSD".</param>
    /// <param name="profitPerUnit">How far above the fill price the take-profit sell is placed.</param>
    /// <param name="entryTimeout">How long an entry may stay open before it is cancelled.</param>
    /// <param name="timeProvider">The clock for the timeout (the system clock when null).</param>
    public TakeProfitBot(IBlinkTradeClient client, string symbol, Price profitPerUnit, TimeSpan entryTimeout, TimeProvider? timeProvider = null)
    {
        _client = client;
        Symbol = symbol;
        ProfitPerUnit = profitPerUnit;
        EntryTimeout = entryTimeout;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The instrument traded.</summary>
    public string Symbol { get; }

    /// <summary>The distance between a fill and its take-profit sell.</summary>
    public Price ProfitPerUnit { get; }

    /// <summary>How long an entry may stay open.</summary>
    public TimeSpan EntryTimeout { get; }

    /// <summary>Places a limit buy ("the entry") and starts watching its fills.</summary>
    /// <returns>The exchange's first execution report for the entry.</returns>
    public async Task<ExecutionReport> EnterAsync(Quantity quantity, Price price, CancellationToken cancellationToken = default)
    {
        // Our own ClOrdID, so the fills of this order can be told apart from every other report on the stream.
        var clOrdId = $"entry-{Interlocked.Increment(ref _sequence)}";
        lock (_gate)
        {
            _entries[clOrdId] = OrdStatus.PendingNew;
            // Subscribe before sending: a crossing order fills at once, and its fills must not be missed.
            _resources.Add(_client.ExecutionReports.Subscribe(report =>
            {
                if (report.ClOrdID == clOrdId)
                {
                    OnEntryReport(clOrdId, report);
                }
            }));
            _resources.Add(_time.CreateTimer(_ => Track(CancelIfOpenAsync(clOrdId)), null, EntryTimeout, Timeout.InfiniteTimeSpan));
        }
        return await _client.SendOrderAsync(NewOrder.Limit(Symbol, Side.Buy, quantity, price) with { ClOrdID = clOrdId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes when every order the bot has started sending so far has been answered.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_work.ToArray());
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var resource in _resources)
            {
                resource.Dispose();
            }
            _resources.Clear();
        }
    }

    private void OnEntryReport(string clOrdId, ExecutionReport report)
    {
        lock (_gate)
        {
            _entries[clOrdId] = report.OrdStatus;
        }
        if (report.LastShares > Quantity.Zero)
        {
            // One take-profit per fill, for exactly the quantity that was filled, at the price it was filled at + profit.
            var takeProfit = NewOrder.Limit(Symbol, Side.Sell, report.LastShares, report.LastPx + ProfitPerUnit)
                with { ClOrdID = $"tp-{Interlocked.Increment(ref _sequence)}" };
            Track(_client.SendOrderAsync(takeProfit));
        }
    }

    private async Task CancelIfOpenAsync(string clOrdId)
    {
        OrdStatus status;
        lock (_gate)
        {
            status = _entries[clOrdId];
        }
        if (status == OrdStatus.Filled || status == OrdStatus.Cancelled || status == OrdStatus.Rejected)
        {
            return;
        }
        await _client.CancelOrderAsync(clOrdId).ConfigureAwait(false);
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _work.Add(task);
        }
    }
}
