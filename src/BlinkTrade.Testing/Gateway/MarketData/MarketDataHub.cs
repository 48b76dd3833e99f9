using System.Text.Json;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Matching;

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
    public byte[] Snapshot(SymbolMarketData data, JsonElement mdReqId, int depth, bool book, bool trades, DateTimeOffset now) => Frames.Build("W", w =>
    {
        w.WritePropertyName("MDReqID");
        mdReqId.WriteTo(w);
        w.WriteString("Symbol", data.Symbol);
        w.WriteNumber("MarketDepth", depth);
        w.WriteStartArray("MDFullGrp");
        if (book)
        {
            foreach (var side in new[] { Side.Buy, Side.Sell })
            {
                foreach (var entry in _engine.GetBook(data.Symbol, side, depth))
                {
                    w.WriteStartObject();
                    w.WriteString("MDEntryType", WireCodes.BookEntryType(side));
                    WriteBookFields(w, entry.Position, entry.OrderId, entry.Price, entry.Quantity, entry.Timestamp, entry.UserId, entry.BrokerId);
                    w.WriteEndObject();
                }
            }
        }
        if (trades)
        {
            long baseVolume = 0, quoteVolume = 0;
            foreach (var trade in data.Trades)
            {
                if (now - trade.Created > StatisticsWindow)
                {
                    continue;
                }
                w.WriteStartObject();
                WriteTradeFields(w, trade);
                w.WriteEndObject();
                baseVolume += trade.Quantity;
                quoteVolume += Notional(trade.Price, trade.Quantity);
            }
            w.WriteStartObject();
            w.WriteString("MDEntryType", "4");
            w.WriteNumber(data.BaseCurrency, baseVolume);
            w.WriteNumber(data.QuoteCurrency, quoteVolume);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public void Subscribe(SymbolMarketData data, BookSubscription subscription)
    {
        data.BookSubscribers.RemoveAll(s => s.Session == subscription.Session && SameId(s.MDReqID, subscription.MDReqID));
        data.BookSubscribers.Add(subscription);
    }

    public void Unsubscribe(ExchangeSession session, JsonElement mdReqId)
    {
        foreach (var data in _symbols.Values)
        {
            data.BookSubscribers.RemoveAll(s => s.Session == session && SameId(s.MDReqID, mdReqId));
        }
    }

    public void SubscribeStatus(SymbolMarketData data, StatusSubscription subscription)
    {
        data.StatusSubscribers.RemoveAll(s => s.Session == subscription.Session && SameId(s.RequestId, subscription.RequestId));
        data.StatusSubscribers.Add(subscription);
    }

    public void UnsubscribeStatus(ExchangeSession session, JsonElement requestId)
    {
        foreach (var data in _symbols.Values)
        {
            data.StatusSubscribers.RemoveAll(s => s.Session == session && SameId(s.RequestId, requestId));
        }
    }

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
                foreach (var subscription in Live(data.StatusSubscribers))
                {
                    subscription.Session.Publish(SecurityStatus(data, subscription.RequestId, now));
                }
            }
        }
    }

    /// <summary>f: ticker with rolling 24-hour statistics (BuyVolume = quote volume, SellVolume = base volume, §5 G27).</summary>
    public byte[] SecurityStatus(SymbolMarketData data, JsonElement requestId, DateTimeOffset now)
    {
        long high = 0, low = 0, baseVolume = 0, quoteVolume = 0;
        foreach (var trade in data.Trades)
        {
            if (now - trade.Created > StatisticsWindow)
            {
                continue;
            }
            high = Math.Max(high, trade.Price);
            low = low == 0 ? trade.Price : Math.Min(low, trade.Price);
            baseVolume += trade.Quantity;
            quoteVolume += Notional(trade.Price, trade.Quantity);
        }
        var last = data.Trades.Count > 0 ? data.Trades[^1].Price : 0;
        return Frames.Build("f", w =>
        {
            w.WritePropertyName("SecurityStatusReqID");
            requestId.WriteTo(w);
            w.WriteString("Market", "BLINK");
            w.WriteString("Symbol", data.Symbol);
            w.WriteNumber("HighPx", high);
            w.WriteNumber("LowPx", low);
            w.WriteNumber("LastPx", last);
            w.WriteNumber("BestBid", Best(data.Symbol, Side.Buy));
            w.WriteNumber("BestAsk", Best(data.Symbol, Side.Sell));
            w.WriteNumber("BuyVolume", quoteVolume);
            w.WriteNumber("SellVolume", baseVolume);
            w.WriteNumber("VWAP", baseVolume == 0 ? 0 : (long)((Int128)quoteVolume * 100_000_000 / baseVolume));
        });
    }

    private void PublishBook(SymbolMarketData data, List<BookEvent> events)
    {
        var subscribers = Live(data.BookSubscribers).Where(s => s.Book).ToList();
        if (subscribers.Count == 0)
        {
            return;
        }
        foreach (var subscription in subscribers)
        {
            subscription.Session.Publish(Frames.Build("X", w =>
            {
                w.WritePropertyName("MDReqID");
                subscription.MDReqID.WriteTo(w);
                w.WriteString("MDBkTyp", "3");
                w.WriteStartArray("MDIncGrp");
                foreach (var e in events)
                {
                    w.WriteStartObject();
                    w.WriteString("MDUpdateAction", WireCodes.Number((byte)e.Action));
                    w.WriteString("Symbol", e.Symbol);
                    w.WriteString("MDEntryType", WireCodes.BookEntryType(e.Side));
                    if (e.Action is BookUpdateAction.New or BookUpdateAction.Update)
                    {
                        WriteBookFields(w, e.Position, e.OrderId, e.Price, e.Quantity, e.OrderTimestamp, e.UserId, e.BrokerId);
                    }
                    else
                    {
                        w.WriteNumber("MDEntryPositionNo", e.Position);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
        }
    }

    private void PublishTrades(SymbolMarketData data, List<TradeRecord> trades)
    {
        foreach (var subscription in Live(data.BookSubscribers).Where(s => s.Trades).ToList())
        {
            subscription.Session.Publish(Frames.Build("X", w =>
            {
                w.WritePropertyName("MDReqID");
                subscription.MDReqID.WriteTo(w);
                w.WriteString("MDBkTyp", "3");
                w.WriteStartArray("MDIncGrp");
                foreach (var trade in trades)
                {
                    w.WriteStartObject();
                    w.WriteString("MDUpdateAction", "0");
                    WriteTradeFields(w, trade);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }));
        }
    }

    private void WriteBookFields(Utf8JsonWriter w, int position, long orderId, long price, long quantity, long timestamp, int userId, int brokerId)
    {
        w.WriteNumber("MDEntryPositionNo", position);
        w.WriteNumber("MDEntryID", orderId);
        w.WriteNumber("MDEntryPx", price);
        w.WriteNumber("MDEntrySize", quantity);
        w.WriteString("MDEntryDate", WireCodes.Date(timestamp));
        w.WriteString("MDEntryTime", WireCodes.TimeOfDay(timestamp));
        w.WriteNumber("OrderID", orderId);
        w.WriteNumber("UserID", userId);
        w.WriteString("Broker", _brokerName(brokerId));
    }

    private static void WriteTradeFields(Utf8JsonWriter w, TradeRecord trade)
    {
        w.WriteString("MDEntryType", "2");
        w.WriteString("Symbol", trade.Symbol);
        w.WriteNumber("MDEntryPx", trade.Price);
        w.WriteNumber("MDEntrySize", trade.Quantity);
        w.WriteString("MDEntryDate", WireCodes.Date(trade.Created.UtcTicks));
        w.WriteString("MDEntryTime", WireCodes.TimeOfDay(trade.Created.UtcTicks));
        w.WriteNumber("TradeID", trade.TradeId);
        w.WriteString("Side", WireCodes.Side(trade.AggressorSide));
        w.WriteNumber("OrderID", trade.OrderId);
        w.WriteNumber("SecondaryOrderID", trade.SecondaryOrderId);
        w.WriteNumber("MDEntryBuyerID", trade.BuyerId);
        w.WriteNumber("MDEntrySellerID", trade.SellerId);
    }

    private long Best(string symbol, Side side) => _engine.BestPrice(symbol, side);

    private static long Notional(long price, long quantity) => (long)((Int128)price * quantity / 100_000_000);

    private static List<T> Live<T>(List<T> subscriptions)
        where T : class
    {
        // Drop subscriptions of closed sessions as we go.
        subscriptions.RemoveAll(s => s switch
        {
            BookSubscription b => b.Session.IsClosed,
            StatusSubscription st => st.Session.IsClosed,
            _ => false,
        });
        return subscriptions;
    }

    private static bool SameId(JsonElement a, JsonElement b) => string.Equals(a.GetRawText(), b.GetRawText(), StringComparison.Ordinal);
}
