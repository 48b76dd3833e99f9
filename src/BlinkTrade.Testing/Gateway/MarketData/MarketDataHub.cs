using System.Globalization;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Matching;
using Side = BlinkTrade.Testing.Matching.Side;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>
/// Market data over the engine: W snapshots, X incrementals derived from the engine's book events (positions per
/// §3.8) and trades, f security status with rolling 24-hour statistics. Lives on the exchange actor, so snapshots and
/// incrementals are consistent: a subscriber gets its W and then exactly the changes after it.
/// </summary>
internal sealed class MarketDataHub
{
    private static readonly TimeSpan StatisticsWindow = TimeSpan.FromHours(24);
    private readonly Dictionary<string, SymbolMarketData> _symbols = new(StringComparer.Ordinal);
    private readonly MatchingEngine _engine;
    private readonly Func<int, string> _brokerName;

    public MarketDataHub(MatchingEngine engine, Func<int, string> brokerName)
    {
        _engine = engine;
        _brokerName = brokerName;
    }

    public IEnumerable<SymbolMarketData> Symbols => _symbols.Values;

    public void AddSymbol(string symbol, string baseCurrency, string quoteCurrency) => _symbols[symbol] = new SymbolMarketData(symbol, baseCurrency, quoteCurrency);

    public SymbolMarketData? Find(string symbol) => _symbols.GetValueOrDefault(symbol);

    /// <summary>W for one symbol: bids best-first, offers best-first, then (if asked) recent trades and the volume entry.</summary>
    public byte[] Snapshot(SymbolMarketData data, JsonElement mdReqId, int depth, bool book, bool trades, DateTimeOffset now)
    {
        var entries = new List<MarketDataEntry>();
        if (book)
        {
            foreach (var side in new[] { Side.Buy, Side.Sell })
            {
                foreach (var entry in _engine.GetBook(data.Symbol, side, depth))
                {
                    entries.Add(MarketDataEntries.Book(null, null, side, entry.Position, entry.OrderId, entry.Price, entry.Quantity, entry.Timestamp, entry.UserId,
                        _brokerName(entry.BrokerId)));
                }
            }
        }
        if (trades)
        {
            var window = Window(data, now, entries);
            entries.Add(new MarketDataEntry
            {
                MDEntryType = MarketDataEntryType.TradingSessionStatistics,
                ExtensionData = new Dictionary<string, JsonElement>(2, StringComparer.Ordinal)
                {
                    [data.BaseCurrency] = NumberElement(window.BaseVolume),
                    [data.QuoteCurrency] = NumberElement(window.QuoteVolume),
                },
            });
        }
        var id = new EchoedId(mdReqId);
        return id.Encode(new MarketDataFullRefresh { MDReqID = id.Number ?? 0, Symbol = data.Symbol, MarketDepth = depth, MDFullGrp = entries }, "MDReqID");
    }

    public void Subscribe(SymbolMarketData data, BookSubscription subscription) => Subscribe(data.BookSubscribers, subscription);

    public void Unsubscribe(ExchangeSession session, JsonElement mdReqId) => Unsubscribe(data => data.BookSubscribers, session, mdReqId);

    public void SubscribeStatus(SymbolMarketData data, StatusSubscription subscription) => Subscribe(data.StatusSubscribers, subscription);

    public void UnsubscribeStatus(ExchangeSession session, JsonElement requestId) => Unsubscribe(data => data.StatusSubscribers, session, requestId);

    /// <summary>Whether the session follows any book, trades or security status (an anonymous market-data client).</summary>
    public bool HasSubscriptions(ExchangeSession session) =>
        _symbols.Values.Any(data => data.BookSubscribers.Exists(s => s.Session == session) || data.StatusSubscribers.Exists(s => s.Session == session));

    public void RemoveSession(ExchangeSession session)
    {
        foreach (var data in _symbols.Values)
        {
            data.BookSubscribers.RemoveAll(s => s.Session == session);
            data.StatusSubscribers.RemoveAll(s => s.Session == session);
        }
    }

    /// <summary>A request id names one subscription of its session: subscribing again with it replaces that one.</summary>
    private static void Subscribe<T>(List<T> subscribers, T subscription)
        where T : IMarketDataSubscription
    {
        subscribers.RemoveAll(s => s.Session == subscription.Session && SameId(s.RequestId, subscription.RequestId));
        subscribers.Add(subscription);
    }

    private void Unsubscribe<T>(Func<SymbolMarketData, List<T>> subscribersOf, ExchangeSession session, JsonElement requestId)
        where T : IMarketDataSubscription
    {
        foreach (var data in _symbols.Values)
        {
            subscribersOf(data).RemoveAll(s => s.Session == session && SameId(s.RequestId, requestId));
        }
    }

    /// <summary>Publishes one command's book changes (one X per symbol, entries in engine order) and trades (one X).</summary>
    public void Publish(ReadOnlySpan<BookEvent> bookEvents, IReadOnlyList<TradeRecord> trades, DateTimeOffset now)
    {
        // Runs after every order command: nothing is allocated for a command that changed no book and traded nothing.
        if (bookEvents.IsEmpty && trades.Count == 0)
        {
            return;
        }
        var touched = new HashSet<SymbolMarketData>();
        if (bookEvents.Length > 0)
        {
            var bySymbol = new Dictionary<string, List<BookEvent>>(StringComparer.Ordinal);
            foreach (var e in bookEvents)
            {
                if (!bySymbol.TryGetValue(e.Symbol, out var list))
                {
                    bySymbol[e.Symbol] = list = [];
                }
                list.Add(e);
            }
            foreach (var (symbol, events) in bySymbol)
            {
                if (_symbols.TryGetValue(symbol, out var data))
                {
                    touched.Add(data);
                    PublishBook(data, events);
                }
            }
        }
        foreach (var group in trades.Count == 0 ? [] : trades.GroupBy(t => t.Symbol, StringComparer.Ordinal))
        {
            if (_symbols.TryGetValue(group.Key, out var data))
            {
                touched.Add(data);
                data.Trades.AddRange(group);
                PublishTrades(data, [.. group]);
            }
        }
        foreach (var data in touched)
        {
            var bestBid = Best(data.Symbol, Side.Buy);
            var bestAsk = Best(data.Symbol, Side.Sell);
            var traded = trades.Any(t => t.Symbol == data.Symbol);
            if (traded || bestBid != data.LastBestBid || bestAsk != data.LastBestAsk)
            {
                data.LastBestBid = bestBid;
                data.LastBestAsk = bestAsk;
                var subscribers = Live(data.StatusSubscribers);
                if (subscribers.Count > 0)
                {
                    PublishShared(subscribers, new SharedIdFrame(TickerOf(data, now) with { SecurityStatusReqID = 0 }, "SecurityStatusReqID"));
                }
            }
        }
    }

    /// <summary>f: ticker with rolling 24-hour statistics (BuyVolume = quote volume, SellVolume = base volume, §5 G27).</summary>
    public byte[] SecurityStatus(SymbolMarketData data, JsonElement requestId, DateTimeOffset now) => SecurityStatus(TickerOf(data, now), new EchoedId(requestId));

    private static byte[] SecurityStatus(Ticker ticker, EchoedId id)
        => id.Encode(ticker with { SecurityStatusReqID = id.Number ?? 0 }, "SecurityStatusReqID");

    private Ticker TickerOf(SymbolMarketData data, DateTimeOffset now)
    {
        var window = Window(data, now, entries: null);
        return new Ticker
        {
            Market = "BLINK",
            Symbol = data.Symbol,
            HighPx = Price.FromSatoshis(window.High),
            LowPx = Price.FromSatoshis(window.Low),
            LastPx = Price.FromSatoshis(data.Trades.Count > 0 ? data.Trades[^1].Price : 0),
            BestBid = Price.FromSatoshis(Best(data.Symbol, Side.Buy)),
            BestAsk = Price.FromSatoshis(Best(data.Symbol, Side.Sell)),
            BuyVolume = Amount.FromSatoshis(window.QuoteVolume),
            SellVolume = Quantity.FromSatoshis(window.BaseVolume),
            VWAP = Price.FromSatoshis(window.BaseVolume == 0 ? 0 : (long)((Int128)window.QuoteVolume * 100_000_000 / window.BaseVolume)),
        };
    }

    private void PublishBook(SymbolMarketData data, List<BookEvent> events)
    {
        var subscribers = Live(data.BookSubscribers).Where(s => s.Book).ToList();
        if (subscribers.Count == 0)
        {
            return;
        }
        // Depth-limited subscribers get their own window's moves; every full-book subscriber shares one body (only the
        // MDReqID differs between their frames). Beyond a few subscribers, both kinds are sent off the actor.
        var fanOut = FanOut.Start(subscribers.Count);
        List<BookSubscription>? fullBook = null;
        foreach (var subscription in subscribers)
        {
            if (subscription.Window is { } window)
            {
                PublishWindow(data, subscription, window, fanOut);
                continue;
            }
            (fullBook ??= new(subscribers.Count)).Add(subscription);
        }
        if (fullBook is not null)
        {
            var frame = IncrementalFrame(MarketDataEntries.Book(events, _brokerName));
            foreach (var subscription in fullBook)
            {
                fanOut.Publish(subscription.Session, frame.For(subscription.Id));
            }
        }
        fanOut.Send();
    }

    /// <summary>The engine's first <paramref name="depth"/> orders of each side (0: all), what a window holds.</summary>
    public (IReadOnlyList<BookEntry> Bids, IReadOnlyList<BookEntry> Asks) Top(string symbol, int depth)
        => (_engine.GetBook(symbol, Side.Buy, depth), _engine.GetBook(symbol, Side.Sell, depth));

    // A depth-limited subscriber gets the moves of its own window (X), or in full-refresh mode the window again (W).
    private void PublishWindow(SymbolMarketData data, BookSubscription subscription, DepthWindow window, FanOut fanOut)
    {
        var (bids, asks) = Top(data.Symbol, window.Depth);
        var entries = window.Advance(data.Symbol, bids, asks, _brokerName);
        if (entries.Count == 0)
        {
            return;
        }
        fanOut.Publish(subscription.Session, new QueuedFrame(subscription.FullRefresh
            ? Snapshot(data, subscription.MDReqID, window.Depth, book: true, trades: false, DateTimeOffset.MinValue)
            : IncrementalFrame(subscription.Id, [.. entries])));
    }

    private static void PublishTrades(SymbolMarketData data, List<TradeRecord> trades)
    {
        var subscribers = Live(data.BookSubscribers).Where(s => s.Trades).ToList();
        if (subscribers.Count == 0)
        {
            return;
        }
        PublishShared(subscribers, IncrementalFrame(MarketDataEntries.Trades(trades)));
    }

    /// <summary>Hands one shared publication to every subscriber (see <see cref="FanOut"/>).</summary>
    private static void PublishShared<T>(List<T> subscribers, SharedIdFrame frame)
        where T : IMarketDataSubscription
    {
        var fanOut = FanOut.Start(subscribers.Count);
        foreach (var subscription in subscribers)
        {
            fanOut.Publish(subscription.Session, frame.For(subscription.Id));
        }
        fanOut.Send();
    }

    /// <summary>The <c>X</c> of one command's book changes of one symbol, for one subscription.</summary>
    internal static byte[] BookUpdateFrame(BookSubscription subscription, IReadOnlyList<BookEvent> events, Func<int, string> brokerName)
        => IncrementalFrame(subscription.Id, MarketDataEntries.Book(events, brokerName));

    /// <summary>The <c>X</c> of one command's trades of one symbol, for one subscription.</summary>
    internal static byte[] TradesFrame(BookSubscription subscription, IReadOnlyList<TradeRecord> trades)
        => IncrementalFrame(subscription.Id, MarketDataEntries.Trades(trades));

    private static SharedIdFrame IncrementalFrame(MarketDataEntry[] entries)
        => new(new MarketDataIncrementalRefresh { MDReqID = 0, MDBkTyp = MarketDataBookType.OrderDepth, MDIncGrp = entries }, "MDReqID");

    private static byte[] IncrementalFrame(EchoedId id, MarketDataEntry[] entries)
        => id.Encode(new MarketDataIncrementalRefresh { MDReqID = id.Number ?? 0, MDBkTyp = MarketDataBookType.OrderDepth, MDIncGrp = entries }, "MDReqID");

    /// <summary>Statistics of the last 24 hours' trades; those trades are added to <paramref name="entries"/> (oldest first) when given.</summary>
    private static TradeWindow Window(SymbolMarketData data, DateTimeOffset now, List<MarketDataEntry>? entries)
    {
        var window = new TradeWindow();
        foreach (var trade in data.Trades)
        {
            if (now - trade.Created > StatisticsWindow)
            {
                continue;
            }
            entries?.Add(MarketDataEntries.Trade(trade, null));
            window.High = Math.Max(window.High, trade.Price);
            window.Low = window.Low == 0 ? trade.Price : Math.Min(window.Low, trade.Price);
            window.BaseVolume += trade.Quantity;
            window.QuoteVolume += Notional(trade.Price, trade.Quantity);
        }
        return window;
    }

    private static JsonElement NumberElement(long value)
    {
        using var document = JsonDocument.Parse(value.ToString(CultureInfo.InvariantCulture));
        return document.RootElement.Clone();
    }

    private long Best(string symbol, Side side) => _engine.BestPrice(symbol, side);

    private static long Notional(long price, long quantity) => (long)((Int128)price * quantity / 100_000_000);

    private static List<T> Live<T>(List<T> subscriptions)
        where T : IMarketDataSubscription
    {
        // Drop subscriptions of closed sessions as we go.
        subscriptions.RemoveAll(s => s.Session.IsClosed);
        return subscriptions;
    }

    private static bool SameId(JsonElement a, JsonElement b) => string.Equals(a.GetRawText(), b.GetRawText(), StringComparison.Ordinal);
}
