using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// The reference exchange's deterministic, single-writer core: instruments with one price-time-priority book each and
/// the orders in them, and the execution reports, market-data changes, trades and balance changes every command produces
/// (written to <see cref="Events"/>). Money is the <see cref="RiskEngine"/>'s: the engine asks it for the pre-trade check and
/// the hold of a new order, hands it every trade to settle and every hold to release, and never changes a balance itself. It performs no I/O and takes no locks: one thread
/// owns an engine. Commands go in through <see cref="PlaceOrder"/>, <see cref="CancelOrder"/>, <see cref="CancelAllOrders"/>
/// and the deposit/withdrawal methods; the query methods serve the gateway's list requests.
/// </summary>
/// <remarks>
/// Amounts are satoshi integers (1e8-scaled). Notional = <c>floor(Price × Qty / 1e8)</c>. Rules follow PROTOCOL.md §3 and the
/// recommendations of §5: locking (§3.6), maker/taker fees in basis points paid in the received currency (§3.7), IOC
/// market orders (G11), stop orders triggered by the last trade (G12), GTC/IOC/FOK with Day as GTC (G13), rejects with
/// <c>OrdRejReason</c> (G3), monotonic 64-bit ExecIDs (G17) and <c>LastPx</c>/<c>LastShares</c> 0 on non-fill reports (G18).
/// </remarks>
internal sealed partial class MatchingEngine
{
    /// <summary>Open orders from which commands issue software prefetches (<see cref="CachePrefetch"/>): below it the slots, links
    /// and level queues of the open orders (~150 bytes each) fit in the caches, and the prefetch work would only add time.</summary>
    private const int PrefetchFromOrders = 16_384;

    private readonly Dictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);
    private readonly List<Instrument> _instrumentList = [];
    private readonly OrderStore _orders;
    private readonly OrderIdIndex _orderIndex;
    private readonly ChunkedLog<Trade> _tradeLog;
    private readonly SelfTradePrevention _selfTradePrevention;
    private readonly RiskEngine _risk;

    /// <summary>The risk engine's accounts, for account lookups (held here: one load less on every command).</summary>
    private readonly AccountBook _accounts;
    private AccountOrders[] _accountOrders = new AccountOrders[1024];
    private readonly bool _bookEvents;
    private string? _lastSymbol;
    private Instrument? _lastInstrument;
    private long _nextOrderId;
    private long _nextExecId;
    private long _nextTradeId;
    private long _now;

    /// <summary>Creates an empty engine.</summary>
    /// <param name="options">Settings; defaults when <see langword="null"/>.</param>
    public MatchingEngine(EngineOptions? options = null)
    {
        Options = options ?? new EngineOptions();
        _selfTradePrevention = Options.SelfTradePrevention;
        _bookEvents = Options.BookEvents;
        _nextOrderId = Options.FirstOrderId;
        _nextExecId = Options.FirstExecId;
        _nextTradeId = Options.FirstTradeId;
        _orders = new OrderStore(Options.OrderCapacity);
        _orderIndex = new OrderIdIndex(_nextOrderId, Options.OrderCapacity);
        _tradeLog = new ChunkedLog<Trade>(Options.TradeCapacity);
        Events = new EngineEventBuffer(Options.EventCapacity);
        Events.Bind(_orders, _tradeLog);
        _risk = new RiskEngine(Events.BalanceLog, Options.LedgerCapacity, Options.TradeCapacity);
        _accounts = _risk.Accounts;
        Array.Fill(_accountOrders, AccountOrders.Empty);
    }

    /// <summary>The settings the engine was created with.</summary>
    public EngineOptions Options { get; }

    /// <summary>The output of the last command. Cleared at the start of every command.</summary>
    public EngineEventBuffer Events { get; }

    /// <summary>Accounts, balances, fees and the ledger (the risk engine's: see <see cref="RiskEngine"/>).</summary>
    public AccountBook Accounts => _accounts;

    /// <summary>Configured instruments.</summary>
    public IReadOnlyList<Instrument> Instruments => _instrumentList;

    /// <summary>Whether the book is large enough for prefetching to pay (see <see cref="PrefetchFromOrders"/>).</summary>
    private bool Prefetching => _orderIndex.Count >= PrefetchFromOrders;

    /// <summary>Number of open orders (resting and untriggered stops) over all instruments.</summary>
    public int OpenOrderCount => _orderIndex.Count;

    /// <summary>Adds an instrument with an empty book; its currencies are registered if new.</summary>
    /// <param name="config">Symbol, currencies, tick size and minimum quantity.</param>
    /// <returns>The instrument.</returns>
    public Instrument AddInstrument(InstrumentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(config.Symbol);
        ArgumentOutOfRangeException.ThrowIfLessThan(config.TickSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(config.MinQuantity, 1);
        if (_instruments.ContainsKey(config.Symbol))
        {
            throw new ArgumentException($"Instrument {config.Symbol} already exists.", nameof(config));
        }

        var instrument = new Instrument(config, _instrumentList.Count, Accounts.GetOrAddCurrency(config.BaseCurrency), Accounts.GetOrAddCurrency(config.QuoteCurrency), Options.PriceLevelCapacity, Options.OrdersPerLevelCapacity, Options.BookEvents);
        _instruments.Add(config.Symbol, instrument);
        _instrumentList.Add(instrument);
        return instrument;
    }

    /// <summary>Looks an instrument up by symbol.</summary>
    /// <param name="symbol">Symbol.</param>
    /// <param name="instrument">The instrument when found.</param>
    /// <returns>Whether it exists.</returns>
    public bool TryGetInstrument(string symbol, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Instrument? instrument) =>
        _instruments.TryGetValue(symbol, out instrument);

    private Instrument? FindInstrument(string? symbol)
    {
        if (symbol is null)
        {
            return null;
        }

        // Callers usually send the same string instance again; skip hashing then.
        if (ReferenceEquals(symbol, _lastSymbol))
        {
            return _lastInstrument;
        }

        if (!_instruments.TryGetValue(symbol, out var instrument))
        {
            return null;
        }

        _lastSymbol = symbol;
        _lastInstrument = instrument;
        return instrument;
    }

    /// <summary>The open orders of the account with index <paramref name="accountIndex"/>, grown to it if the risk engine opened
    /// it since (accounts are opened by deposits and broker registration too).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ref AccountOrders OrdersOf(int accountIndex)
    {
        var all = _accountOrders;
        if ((uint)accountIndex < (uint)all.Length)
        {
            return ref all[accountIndex];
        }

        return ref GrowAccountOrders(accountIndex);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ref AccountOrders GrowAccountOrders(int accountIndex)
    {
        var old = _accountOrders.Length;
        Array.Resize(ref _accountOrders, Math.Max(old * 2, accountIndex + 1));
        Array.Fill(_accountOrders, AccountOrders.Empty, old, _accountOrders.Length - old);
        return ref _accountOrders[accountIndex];
    }
}
