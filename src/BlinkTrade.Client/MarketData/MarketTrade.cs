using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.MarketData;

/// <summary>A trade printed on an instrument (an <c>X</c> entry with <c>MDEntryType</c> 2).</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="TradeId">The trade id.</param>
/// <param name="Price">The execution price (the resting order's price).</param>
/// <param name="Size">The quantity.</param>
/// <param name="AggressorSide">The side of the incoming (taker) order.</param>
/// <param name="OrderId">The aggressor's order id.</param>
/// <param name="SecondaryOrderId">The resting order's id.</param>
/// <param name="BuyerId">The buyer's account id.</param>
/// <param name="SellerId">The seller's account id.</param>
/// <param name="Date">The trade date (server clock, UTC).</param>
/// <param name="Time">The trade time (server clock, UTC).</param>
public sealed record MarketTrade(string Symbol, long? TradeId, Price Price, Quantity Size, Side? AggressorSide, long? OrderId, long? SecondaryOrderId, long? BuyerId, long? SellerId, DateOnly? Date, TimeOnly? Time)
{
    /// <summary>Builds a trade from a wire entry.</summary>
    /// <param name="symbol">The subscription's symbol (used when the entry has none).</param>
    /// <param name="entry">The trade entry.</param>
    /// <returns>The trade.</returns>
    public static MarketTrade From(string symbol, MarketDataEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Symbol ?? symbol, entry.TradeID, entry.MDEntryPx ?? default, entry.MDEntrySize ?? default, entry.Side,
            entry.OrderID, entry.SecondaryOrderID, entry.MDEntryBuyerID, entry.MDEntrySellerID, entry.MDEntryDate, entry.MDEntryTime);
    }

    // A trade fetched from the trade list (U33) to fill a gap: the list carries no order ids.
    internal static MarketTrade From(string symbol, TradeHistoryEntry row)
        => new(row.Market ?? symbol, row.TradeID, row.Price, row.Size, row.Side, null, null, row.Buyer, row.Seller,
            row.Created is { } created ? DateOnly.FromDateTime(created) : null, row.Created is { } at ? TimeOnly.FromDateTime(at) : null);
}
