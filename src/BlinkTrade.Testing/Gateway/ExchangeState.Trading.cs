using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Trading;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway;

/// <content>The engine adapter: commands into the single-writer engine, its events out as ERs, U3 deltas and market data.</content>
internal sealed partial class ExchangeState
{
    private MatchingEngine? _engine;
    private MarketDataHub? _marketData;
    private int _pendingSender;

    /// <summary>Order ids look like production's 13-digit ids; exec ids and trade ids are monotonic per instance (§5 G17).</summary>
    public MatchingEngine Engine => _engine ??= new MatchingEngine(new EngineOptions { FirstOrderId = 1_459_028_830_001, FirstExecId = 1, FirstTradeId = 1 });

    public MarketDataHub MarketData => _marketData ??= new MarketDataHub(Engine, brokerId => Directory.FindBroker(brokerId)?.Name ?? brokerId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Every order ever entered (open and closed), by id.</summary>
    public Dictionary<long, OrderRecord> Orders { get; } = [];

    /// <summary>Orders of each user, oldest first.</summary>
    public Dictionary<int, List<OrderRecord>> OrdersByUser { get; } = [];

    public long NowTicks => Now.UtcTicks;

    partial void OnUserCreated(UserAccount user) => Engine.Accounts.OpenAccount(user.BrokerId, user.UserId);

    partial void OnUserFeesChanged(UserAccount user) => Engine.Accounts.SetUserFees(user.BrokerId, user.UserId, new FeeRates
    {
        MakerBuyBps = user.MakerFeeBuyBps,
        MakerSellBps = user.MakerFeeSellBps,
        TakerBuyBps = user.TakerFeeBuyBps ?? user.MakerFeeBuyBps,
        TakerSellBps = user.TakerFeeSellBps ?? user.MakerFeeSellBps,
    });

    partial void OnBrokerAdded(BrokerAccount broker) => Engine.Accounts.RegisterBroker(new BrokerConfig(broker.BrokerId, broker.BrokerId, new FeeRates
    {
        MakerBuyBps = broker.MakerFeeBps,
        MakerSellBps = broker.MakerFeeBps,
        TakerBuyBps = broker.TakerFeeBps,
        TakerSellBps = broker.TakerFeeBps,
    }));

    partial void OnInstrumentAdded(InstrumentDefinition instrument)
    {
        Engine.AddInstrument(new InstrumentConfig(instrument.Symbol, instrument.BaseCurrency, instrument.QuoteCurrency, instrument.TickSize, instrument.MinQty));
        MarketData.AddSymbol(instrument.Symbol, instrument.BaseCurrency, instrument.QuoteCurrency);
    }

    partial void OnSessionClosedMarketData(ExchangeSession session) => _marketData?.RemoveSession(session);

    partial void CancelOnDisconnect(SessionIdentity identity)
    {
        Engine.CancelAllOrders(new CancelAllOrders { BrokerId = identity.BrokerId, UserId = identity.UserId, Timestamp = NowTicks });
        PublishEngineEvents();
    }

    /// <summary>Enters an order; <paramref name="senderUserId"/> (a broker acting for a customer) also gets its reports.</summary>
    public long PlaceOrder(in NewOrder order, int senderUserId)
    {
        _pendingSender = senderUserId;
        try
        {
            var id = Engine.PlaceOrder(order);
            PublishEngineEvents();
            return id;
        }
        finally
        {
            _pendingSender = 0;
        }
    }

    /// <summary>
    /// Turns the engine's event buffer of the last command into publications, in the §3.9 recommended order: ERs
    /// (to the order's owner), U3 balance deltas, then market data (book X, trade X, f).
    /// </summary>
    public void PublishEngineEvents()
    {
        var events = Engine.Events;
        var now = Now;
        foreach (ref readonly var report in events.ExecutionReports)
        {
            var record = Track(in report, now);
            // To the order's owner and, when someone else sent it (a broker for its customer), to the sender (§1.6).
            var frame = ExecutionReportFrame(in report, record);
            Runtime.Registry.Publish(report.UserId, "8", frame);
            if (record.SenderUserId != report.UserId)
            {
                Runtime.Registry.Publish(record.SenderUserId, "8", frame);
            }
        }
        PublishBalanceChanges(events.BalanceChanges);
        var trades = new List<TradeRecord>(events.Trades.Length);
        foreach (ref readonly var t in events.Trades)
        {
            trades.Add(new TradeRecord(t.TradeId, t.Symbol, t.Price, t.Quantity, t.AggressorSide, t.OrderId, t.SecondaryOrderId, t.BuyerUserId, t.SellerUserId,
                WireCodes.Time(t.Timestamp)));
        }
        MarketData.Publish(events.BookEvents, trades, now);
    }

    /// <summary>Unsolicited U3 deltas: only the changed currencies, with their <c>_locked</c> (§5 G30), one frame per account.</summary>
    public void PublishBalanceChanges(ReadOnlySpan<BalanceChange> changes)
    {
        if (changes.IsEmpty)
        {
            return;
        }
        var byAccount = new Dictionary<(int BrokerId, int UserId), Dictionary<string, (long Total, long Locked)>>();
        foreach (var change in changes)
        {
            var key = (change.BrokerId, change.UserId);
            if (!byAccount.TryGetValue(key, out var map))
            {
                byAccount[key] = map = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
            }
            map[change.Currency] = (change.Total, change.Locked); // the last change of a currency wins
        }
        foreach (var ((brokerId, userId), balances) in byAccount)
        {
            Runtime.Registry.Publish(userId, "U3", Frames.Build("U3", w =>
            {
                w.WriteNumber("ClientID", userId);
                w.WriteStartObject(brokerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var (currency, (total, locked)) in balances)
                {
                    w.WriteNumber(currency, total);
                    w.WriteNumber(currency + "_locked", locked);
                }
                w.WriteEndObject();
            }));
        }
    }

    private OrderRecord Track(in ExecutionReport report, DateTimeOffset now)
    {
        if (!Orders.TryGetValue(report.OrderId, out var record))
        {
            record = new OrderRecord
            {
                OrderId = report.OrderId,
                UserId = report.UserId,
                BrokerId = report.BrokerId,
                ClOrdId = report.ClOrdId,
                Symbol = report.Symbol,
                Side = report.Side,
                OrderType = report.OrderType,
                TimeInForce = report.TimeInForce,
                OrderQty = report.OrderQty,
                Price = report.Price,
                Created = now,
                SenderUserId = _pendingSender != 0 && report.OrderId == Engine.Events.ExecutionReports[0].OrderId ? _pendingSender : report.UserId,
            };
            Orders[report.OrderId] = record;
            if (!OrdersByUser.TryGetValue(report.UserId, out var list))
            {
                OrdersByUser[report.UserId] = list = [];
            }
            list.Add(record);
        }
        record.CumQty = report.CumQty;
        record.LeavesQty = report.LeavesQty;
        record.CxlQty = report.CxlQty;
        record.AvgPx = report.AvgPx;
        record.Status = report.OrderStatus;
        return record;
    }

    private static byte[] ExecutionReportFrame(in ExecutionReport r, OrderRecord record)
    {
        var report = r;
        return Frames.Build("8", w =>
        {
            w.WriteNumber("OrderID", report.OrderId);
            w.WriteNumber("ExecID", report.ExecId);
            w.WriteString("ExecType", WireCodes.ExecType(report.ExecType));
            w.WriteString("OrdStatus", WireCodes.Status(report.OrderStatus));
            w.WriteStringOrNull("ClOrdID", report.ClOrdId);
            w.WriteString("Symbol", report.Symbol);
            w.WriteString("Side", WireCodes.Side(report.Side));
            w.WriteString("OrdType", WireCodes.OrdType(report.OrderType));
            w.WriteString("TimeInForce", WireCodes.TimeInForce(report.TimeInForce));
            w.WriteNumber("OrderQty", report.OrderQty);
            w.WriteNumber("Price", report.Price);
            if (report.StopPx != 0)
            {
                w.WriteNumber("StopPx", report.StopPx);
            }
            var fill = report.ExecType is Matching.ExecType.PartiallyFilled or Matching.ExecType.Filled;
            w.WriteNumber("LastShares", fill ? report.LastShares : 0);
            w.WriteNumber("LastPx", fill ? report.LastPx : 0);
            w.WriteNumber("LeavesQty", report.LeavesQty);
            w.WriteNumber("CumQty", report.CumQty);
            w.WriteNumber("CxlQty", report.CxlQty);
            w.WriteNumber("AvgPx", report.AvgPx);
            w.WriteString("ExecSide", WireCodes.Side(report.ExecSide));
            w.WriteNumber("Volume", (long)((Int128)report.AvgPx * report.CumQty / 100_000_000));
            w.WriteString("OrderDate", Frames.FormatDateTime(record.Created));
            w.WriteString("TransactTime", Frames.FormatDateTime(WireCodes.Time(report.Timestamp)));
            if (report.ExecType == Matching.ExecType.Rejected)
            {
                w.WriteString("OrdRejReason", WireCodes.RejectReason(report.OrdRejReason));
                w.WriteString("Text", report.Text ?? "Rejected");
            }
        });
    }
}
