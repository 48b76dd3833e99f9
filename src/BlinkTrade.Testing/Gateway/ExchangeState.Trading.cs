using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Gateway.Trading;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Users;
using Protocol = BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway;

/// <content>The engine adapter: commands into the single-writer engine, its events out as ERs, U3 deltas and market data.</content>
internal sealed partial class ExchangeState
{
    /// <summary>Every order ever entered (open and closed), by id.</summary>
    public Dictionary<long, OrderRecord> Orders { get; } = [];

    /// <summary>Orders of each user, oldest first.</summary>
    public Dictionary<int, List<OrderRecord>> OrdersByUser { get; } = [];

    public long NowTicks => Now.UtcTicks;

    /// <summary>Enters an order; <paramref name="senderUserId"/> (a broker acting for a customer) also gets its reports.
    /// The order's first report is <paramref name="requester"/>'s reply to its <c>D</c>: delivered whatever the
    /// session's PermissionList says of <c>8</c> publications (PROTOCOL.md §4.1).</summary>
    public long PlaceOrder(in NewOrder order, int senderUserId, Sessions.ExchangeSession? requester = null)
    {
        var id = Engine.PlaceOrder(order);
        PublishEngineEvents(new OrderSender(id, senderUserId, requester));
        return id;
    }

    /// <summary>
    /// Turns the engine's event buffer of the last command into publications, in the §3.9 recommended order: ERs
    /// (to the order's owner), U3 balance deltas, then market data (book X, trade X, f).
    /// </summary>
    public void PublishEngineEvents() => PublishEngineEvents(default(OrderSender));

    /// <summary>As <see cref="PublishEngineEvents()"/> after <paramref name="requester"/>'s cancel (<c>F</c>): every
    /// report of the command answers it, so it is delivered whatever its PermissionList says of <c>8</c> (§4.1).</summary>
    public void PublishEngineEvents(Sessions.ExchangeSession requester) => PublishEngineEvents(new OrderSender(OrderSender.EveryOrder, 0, requester));

    /// <summary>As <see cref="PublishEngineEvents()"/>, after a command whose new order <paramref name="sender"/> entered.</summary>
    private void PublishEngineEvents(OrderSender sender)
    {
        var events = Engine.Events;
        var now = Now;
        var replied = false;
        foreach (ref readonly var report in events.ExecutionReports)
        {
            var record = Track(in report, now, sender);
            CountReport(in report);
            // The requester's reply (a D's first report of its order, every report of an F) reaches it even when its
            // PermissionList filters 8 publications out; the order's later reports are publications like any other.
            var reply = sender.Requester is not null && (sender.OrderId == OrderSender.EveryOrder || (!replied && report.OrderId == sender.OrderId))
                ? sender.Requester
                : null;
            replied |= reply is not null;
            // To the order's owner and, when someone else sent it (a broker for its customer), to the sender (§1.6).
            var frame = ExecutionReportFrame(in report, record.Created);
            Runtime.Registry.Publish(report.UserId, "8", frame, reply);
            if (record.SenderUserId != report.UserId)
            {
                Runtime.Registry.Publish(record.SenderUserId, "8", frame, reply);
            }
        }
        PublishBalanceChanges(events.BalanceChanges);
        Runtime.Metrics.Trades(events.Trades.Length);
        MarketData.Publish(events.BookEvents, TradeRecords(events.Trades), now);
    }

    // The command's trades as the market data keeps them; no list for a command that traded nothing (most of them).
    private static IReadOnlyList<TradeRecord> TradeRecords(ReadOnlySpan<Trade> trades)
    {
        if (trades.IsEmpty)
        {
            return [];
        }
        var records = new TradeRecord[trades.Length];
        for (var i = 0; i < trades.Length; i++)
        {
            ref readonly var t = ref trades[i];
            records[i] = new TradeRecord(t.TradeId, t.Symbol, t.Price, t.Quantity, t.AggressorSide, t.OrderId, t.SecondaryOrderId, t.BuyerUserId, t.SellerUserId,
                new DateTimeOffset(t.Timestamp, TimeSpan.Zero));
        }
        return records;
    }

    /// <summary>Unsolicited U3 deltas: only the changed currencies, with their <c>_locked</c> (§5 G30), one frame per account.</summary>
    public void PublishBalanceChanges(ReadOnlySpan<BalanceChange> changes)
    {
        if (changes.IsEmpty)
        {
            return;
        }
        try
        {
            GroupBalanceChanges(changes, _balanceDeltas, _spareBalanceMaps);
            foreach (var ((brokerId, userId), balances) in _balanceDeltas)
            {
                Runtime.Registry.Publish(userId, "U3", BalanceDeltaFrame(brokerId, userId, balances));
            }
        }
        finally
        {
            // Each frame is encoded before Publish returns and its record dropped, so the maps are free again.
            foreach (var balances in _balanceDeltas.Values)
            {
                if (_spareBalanceMaps.Count < MaxSpareBalanceMaps)
                {
                    balances.Clear();
                    _spareBalanceMaps.Push(balances);
                }
            }
            _balanceDeltas.Clear();
        }
    }

    // The accounts of one command's balance changes and their maps, both reused from command to command (the actor is the
    // only caller): a served order's U3s then allocate only their frames. A sweep touches one account per fill, so the
    // spares are capped.
    private const int MaxSpareBalanceMaps = 64;
    private readonly Dictionary<(int BrokerId, int UserId), Dictionary<string, Protocol.CurrencyBalance>> _balanceDeltas = [];
    private readonly Stack<Dictionary<string, Protocol.CurrencyBalance>> _spareBalanceMaps = new();

    /// <summary>
    /// Groups <paramref name="changes"/> by account into <paramref name="byAccount"/>; the last change of a currency wins.
    /// An account's map is taken from <paramref name="spares"/> when it holds one (empty maps), else created.
    /// </summary>
    internal static void GroupBalanceChanges(ReadOnlySpan<BalanceChange> changes, Dictionary<(int BrokerId, int UserId), Dictionary<string, Protocol.CurrencyBalance>> byAccount,
        Stack<Dictionary<string, Protocol.CurrencyBalance>>? spares = null)
    {
        foreach (var change in changes)
        {
            var key = (change.BrokerId, change.UserId);
            if (!byAccount.TryGetValue(key, out var map))
            {
                byAccount[key] = map = spares is not null && spares.TryPop(out var spare) ? spare : new Dictionary<string, Protocol.CurrencyBalance>(StringComparer.Ordinal);
            }
            map[change.Currency] = new Protocol.CurrencyBalance(Protocol.Amount.FromSatoshis(change.Total), Protocol.Amount.FromSatoshis(change.Locked));
        }
    }

    /// <summary>One account's U3 delta, encoded at once: the record holds <paramref name="balances"/> only while it is
    /// encoded, so the caller may reuse the map afterwards.</summary>
    internal static byte[] BalanceDeltaFrame(int brokerId, int userId, Dictionary<string, Protocol.CurrencyBalance> balances)
        => FrameEncoder.Encode(new Protocol.UserBalanceResponse
        {
            ClientID = userId,
            Balances = new BlinkTrade.Client.Internal.SingleEntryDictionary<int, Protocol.BrokerBalances>(brokerId, Protocol.BrokerBalances.FromOwned(balances)),
        });

    private void CountReport(in ExecutionReport report)
    {
        if (report.ExecType == ExecType.New)
        {
            Runtime.Metrics.OrdersAccepted(1);
        }
        else if (report.ExecType == ExecType.Rejected)
        {
            Runtime.Metrics.OrderRejected((int)report.OrdRejReason);
        }
    }

    private OrderRecord Track(in ExecutionReport report, DateTimeOffset now, OrderSender sender)
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
                SenderUserId = sender.UserId != 0 && report.OrderId == sender.OrderId ? sender.UserId : report.UserId,
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

    /// <summary>Who entered order <paramref name="OrderId"/> when it is not its owner (a broker for its customer, §1.6),
    /// and the session whose request the command answers; default: nobody.</summary>
    private readonly record struct OrderSender(long OrderId, int UserId, Sessions.ExchangeSession? Requester = null)
    {
        /// <summary>Every report of the command answers the requester (a cancel).</summary>
        public const long EveryOrder = -1;
    }

    /// <summary>The <c>8</c> of one engine report; <paramref name="orderDate"/> is when the order was entered.</summary>
    /// <remarks>
    /// Written by the SDK's own <see cref="Protocol.ExecutionReport"/> converter (a hand-written Write, no reflection).
    /// <c>TransactTime</c> is a field the record does not model: it travels as extension data, as the client reads it.
    /// </remarks>
    internal static byte[] ExecutionReportFrame(in ExecutionReport report, DateTimeOffset orderDate)
    {
        var fill = report.ExecType is Matching.ExecType.PartiallyFilled or Matching.ExecType.Filled;
        var rejected = report.ExecType == Matching.ExecType.Rejected;
        return FrameEncoder.Encode(new Protocol.ExecutionReport
        {
            OrderID = report.OrderId,
            ClOrdID = report.ClOrdId,
            ExecID = report.ExecId,
            ExecType = ProtocolCodes.ExecType(report.ExecType),
            OrdStatus = ProtocolCodes.Status(report.OrderStatus),
            ExecSide = ProtocolCodes.Side(report.ExecSide),
            Symbol = report.Symbol,
            Side = ProtocolCodes.Side(report.Side),
            OrdType = ProtocolCodes.OrdType(report.OrderType),
            TimeInForce = ProtocolCodes.TimeInForce(report.TimeInForce),
            OrderQty = Protocol.Quantity.FromSatoshis(report.OrderQty),
            Price = Protocol.Price.FromSatoshis(report.Price),
            StopPx = report.StopPx != 0 ? Protocol.Price.FromSatoshis(report.StopPx) : null,
            LastShares = Protocol.Quantity.FromSatoshis(fill ? report.LastShares : 0),
            LastPx = Protocol.Price.FromSatoshis(fill ? report.LastPx : 0),
            LeavesQty = Protocol.Quantity.FromSatoshis(report.LeavesQty),
            CumQty = Protocol.Quantity.FromSatoshis(report.CumQty),
            CxlQty = Protocol.Quantity.FromSatoshis(report.CxlQty),
            AvgPx = Protocol.Price.FromSatoshis(report.AvgPx),
            OrdRejReason = rejected ? ProtocolCodes.RejectReason(report.OrdRejReason) : null,
            Text = rejected ? report.Text ?? "Rejected" : null,
            OrderDate = orderDate.UtcDateTime,
            Volume = Protocol.Amount.FromSatoshis((long)((Int128)report.AvgPx * report.CumQty / 100_000_000)),
            ExtensionData = TransactTime.Of(report.Timestamp),
        });
    }
}
