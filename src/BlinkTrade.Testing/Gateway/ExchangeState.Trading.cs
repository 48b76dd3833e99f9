using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Gateway.Trading;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway;

/// <content>The engine adapter: commands into the single-writer engine, its events out as ERs, U3 deltas and market data.</content>
internal sealed partial class ExchangeState
{
    /// <summary>Every order ever entered (open and closed), by id.</summary>
    public Dictionary<long, OrderRecord> Orders { get; } = [];

    /// <summary>Orders of each user, oldest first.</summary>
    public Dictionary<int, List<OrderRecord>> OrdersByUser { get; } = [];

    public long NowTicks => Now.UtcTicks;

    /// <summary>Enters an order; <paramref name="senderUserId"/> (a broker acting for a customer) also gets its reports.</summary>
    public long PlaceOrder(in NewOrder order, int senderUserId)
    {
        var id = Engine.PlaceOrder(order);
        PublishEngineEvents(new OrderSender(id, senderUserId));
        return id;
    }

    /// <summary>
    /// Turns the engine's event buffer of the last command into publications, in the §3.9 recommended order: ERs
    /// (to the order's owner), U3 balance deltas, then market data (book X, trade X, f).
    /// </summary>
    public void PublishEngineEvents() => PublishEngineEvents(default);

    /// <summary>As <see cref="PublishEngineEvents()"/>, after a command whose new order <paramref name="sender"/> entered.</summary>
    private void PublishEngineEvents(OrderSender sender)
    {
        var events = Engine.Events;
        var now = Now;
        foreach (ref readonly var report in events.ExecutionReports)
        {
            var record = Track(in report, now, sender);
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

    /// <summary>Who entered order <paramref name="OrderId"/> when it is not its owner (a broker for its customer, §1.6); default: nobody.</summary>
    private readonly record struct OrderSender(long OrderId, int UserId);

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
