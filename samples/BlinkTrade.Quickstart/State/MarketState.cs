using System.Reactive.Disposables;
using BlinkTrade.Client;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Quickstart.State;

/// <summary>
/// Gathers what the client's streams publish — book, trades, ticker, balances, execution reports, connection
/// state, errors — so a view can draw it at its own pace. The client calls each subscriber from its own task, so the
/// callbacks arrive on several threads at once: every field is guarded by one lock, and views read an immutable
/// <see cref="MarketSnapshot"/>.
/// </summary>
internal sealed class MarketState
{
    /// <summary>How many trades and execution reports are kept for display.</summary>
    public const int HistoryLength = 10;

    private readonly Lock _gate = new();
    private readonly LinkedList<MarketTrade> _trades = new();
    private readonly LinkedList<ExecutionReport> _reports = new();
    private OrderBookSnapshot? _book;
    private Ticker? _ticker;
    private BalanceSnapshot? _balances;
    private long _tradeCount;
    private string _connection = nameof(ConnectionState.Disconnected);
    private string? _lastError;
    private string? _lastNotice;
    private IOrderTracker? _orders;
    private TimeSpan? _heartbeat;
    private int _reconnects;

    /// <summary>Creates an empty state for one instrument.</summary>
    /// <param name="symbol">The instrument, e.g. <c>BTCUSD</c>.</param>
    public MarketState(string symbol) => Symbol = symbol;

    /// <summary>The instrument.</summary>
    public string Symbol { get; }

    /// <summary>Raised (on the client's thread) for every new execution report, after it was recorded.</summary>
    public event Action<ExecutionReport>? ExecutionReportReceived;

    /// <summary>Raised for every <see cref="Notice"/> (e.g. what the demonstration order is doing).</summary>
    public event Action<string>? NoticeReceived;

    /// <summary>Subscribes to the client's streams. Subscribing to the book, trades and ticker subscribes on the wire.</summary>
    /// <param name="client">A client (connected or not: subscriptions are restored at every (re)connect).</param>
    /// <returns>Unsubscribes everything.</returns>
    public IDisposable Attach(IBlinkTradeClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _orders = client.Orders;
        // Every Subscribe passes an onError: an unhandled OnError would throw on the client's subscriber task.
        return new CompositeDisposable(
            client.ConnectionStates.Subscribe(change => OnConnection(change.State.ToString()), e => OnError($"connection: {e.Message}")),
            client.Latency.Subscribe(OnHeartbeat, e => OnError($"latency: {e.Message}")),
            client.Recoveries.Subscribe(_ => OnRecovered(), e => OnError($"recoveries: {e.Message}")),
            client.Errors.Subscribe(error => OnError($"{error.Kind}: {error.Message}"), e => OnError($"errors: {e.Message}")),
            client.ObserveOrderBook(Symbol).Subscribe(OnBook, e => OnError($"order book: {e.Message}")),
            client.ObserveTrades(Symbol).Subscribe(OnTrade, e => OnError($"trades: {e.Message}")),
            client.ObserveTicker(Symbol).Subscribe(OnTicker, e => OnError($"ticker: {e.Message}")),
            client.Balances.Subscribe(OnBalances, e => OnError($"balances: {e.Message}")),
            client.ExecutionReports.Subscribe(OnExecutionReport, e => OnError($"execution reports: {e.Message}")));
    }

    /// <summary>Records a new order book (it replaces the previous one: snapshots are complete).</summary>
    /// <param name="book">The book.</param>
    public void OnBook(OrderBookSnapshot book)
    {
        lock (_gate)
        {
            _book = book;
        }
    }

    /// <summary>Records a trade.</summary>
    /// <param name="trade">The trade.</param>
    public void OnTrade(MarketTrade trade)
    {
        lock (_gate)
        {
            _tradeCount++;
            Push(_trades, trade);
        }
    }

    /// <summary>Records the ticker.</summary>
    /// <param name="ticker">The <c>f</c> message.</param>
    public void OnTicker(Ticker ticker)
    {
        lock (_gate)
        {
            _ticker = ticker;
        }
    }

    /// <summary>Records the balances (the client already merged partial updates into a full snapshot).</summary>
    /// <param name="balances">The balances.</param>
    public void OnBalances(BalanceSnapshot balances)
    {
        lock (_gate)
        {
            _balances = balances;
        }
    }

    /// <summary>Records an execution report of the user and raises <see cref="ExecutionReportReceived"/>.</summary>
    /// <param name="report">The report.</param>
    public void OnExecutionReport(ExecutionReport report)
    {
        lock (_gate)
        {
            Push(_reports, report);
        }
        ExecutionReportReceived?.Invoke(report);
    }

    /// <summary>Records the connection state.</summary>
    /// <param name="state">The state's name.</param>
    public void OnConnection(string state)
    {
        lock (_gate)
        {
            _connection = state;
        }
    }

    /// <summary>Records a heartbeat round trip (the health line shows the latest).</summary>
    /// <param name="roundTrip">TestRequest → Heartbeat.</param>
    public void OnHeartbeat(TimeSpan roundTrip)
    {
        lock (_gate)
        {
            _heartbeat = roundTrip;
        }
    }

    /// <summary>Counts a lost connection the client replaced and restored.</summary>
    public void OnRecovered()
    {
        lock (_gate)
        {
            _reconnects++;
        }
    }

    /// <summary>Records a problem to show (the client recovers from most of them by itself).</summary>
    /// <param name="message">What happened.</param>
    public void OnError(string message)
    {
        lock (_gate)
        {
            _lastError = message;
        }
    }

    /// <summary>Records something the user should know about (shown by the views).</summary>
    /// <param name="message">The notice; never a secret.</param>
    public void Notice(string message)
    {
        lock (_gate)
        {
            _lastNotice = message;
        }
        NoticeReceived?.Invoke(message);
    }

    /// <summary>Copies the current state.</summary>
    /// <returns>The snapshot.</returns>
    public MarketSnapshot Snapshot()
    {
        // The order tracker is thread-safe on its own; read it outside the lock.
        var open = _orders?.Open
            .Where(o => string.Equals(o.Symbol, Symbol, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(o => o.OrderID)
            .ToArray() ?? [];
        lock (_gate)
        {
            return new MarketSnapshot(Symbol, _book, [.. _trades], _tradeCount, _ticker, _balances, open, [.. _reports], _connection, _lastError, _lastNotice, Health());
        }
    }

    // Under _gate: "heartbeat 0.42 ms · 0 reconnects" (the same signals the client's health check and meter report).
    private string? Health() => _heartbeat is { } heartbeat
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"heartbeat {heartbeat.TotalMilliseconds:0.##} ms · {_reconnects} reconnect{(_reconnects == 1 ? "" : "s")}")
        : null;

    private static void Push<T>(LinkedList<T> list, T item)
    {
        list.AddFirst(item);
        if (list.Count > HistoryLength)
        {
            list.RemoveLast();
        }
    }
}
