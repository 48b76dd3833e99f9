using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Matching;
using Side = BlinkTrade.Testing.Matching.Side;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>The engine's book entries, book events and trades as the SDK's <see cref="MarketDataEntry"/> (W and X groups, §2.4, §3.8).</summary>
internal static class MarketDataEntries
{
    /// <summary>A resting order: a W entry (no action, no symbol) or an X new/change entry.</summary>
    public static MarketDataEntry Book(MarketDataUpdateAction? action, string? symbol, Side side, int position, long orderId, long price, long quantity, long timestamp,
        int userId, string broker)
    {
        var time = ProtocolCodes.Time(timestamp);
        return new MarketDataEntry
        {
            MDUpdateAction = action,
            MDEntryType = ProtocolCodes.BookEntryType(side),
            Symbol = symbol,
            MDEntryPositionNo = position,
            MDEntryID = orderId,
            MDEntryPx = Price.FromSatoshis(price),
            MDEntrySize = Quantity.FromSatoshis(quantity),
            MDEntryDate = DateOnly.FromDateTime(time),
            MDEntryTime = TimeOnly.FromDateTime(time),
            OrderID = orderId,
            UserID = userId,
            Broker = broker,
        };
    }

    /// <summary>One book event of X: new/change carry the order, delete/delete-thru only the position.</summary>
    public static MarketDataEntry Book(in BookEvent e, Func<int, string> brokerName)
        => e.Action is BookUpdateAction.New or BookUpdateAction.Update
            ? Book(ProtocolCodes.UpdateAction(e.Action), e.Symbol, e.Side, e.Position, e.OrderId, e.Price, e.Quantity, e.OrderTimestamp, e.UserId, brokerName(e.BrokerId))
            : new MarketDataEntry
            {
                MDUpdateAction = ProtocolCodes.UpdateAction(e.Action),
                MDEntryType = ProtocolCodes.BookEntryType(e.Side),
                Symbol = e.Symbol,
                MDEntryPositionNo = e.Position,
            };

    /// <summary>The X group of one command's book events, in engine order.</summary>
    public static MarketDataEntry[] Book(IReadOnlyList<BookEvent> events, Func<int, string> brokerName)
    {
        var entries = new MarketDataEntry[events.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = Book(events[i], brokerName);
        }
        return entries;
    }

    /// <summary>A trade: in W without an action, in X as a new entry.</summary>
    public static MarketDataEntry Trade(TradeRecord trade, MarketDataUpdateAction? action)
    {
        var time = trade.Created.UtcDateTime;
        return new MarketDataEntry
        {
            MDUpdateAction = action,
            MDEntryType = MarketDataEntryType.Trade,
            Symbol = trade.Symbol,
            MDEntryPx = Price.FromSatoshis(trade.Price),
            MDEntrySize = Quantity.FromSatoshis(trade.Quantity),
            MDEntryDate = DateOnly.FromDateTime(time),
            MDEntryTime = TimeOnly.FromDateTime(time),
            TradeID = trade.TradeId,
            Side = ProtocolCodes.Side(trade.AggressorSide),
            OrderID = trade.OrderId,
            SecondaryOrderID = trade.SecondaryOrderId,
            MDEntryBuyerID = trade.BuyerId,
            MDEntrySellerID = trade.SellerId,
        };
    }

    /// <summary>The X group of one command's trades of one symbol.</summary>
    public static MarketDataEntry[] Trades(IReadOnlyList<TradeRecord> trades)
    {
        var entries = new MarketDataEntry[trades.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = Trade(trades[i], MarketDataUpdateAction.New);
        }
        return entries;
    }
}
