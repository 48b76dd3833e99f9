using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.MarketData;

/// <summary>One resting order in a local order-book replica (BlinkTrade books are order-by-order, MDBkTyp 3).</summary>
/// <param name="Price">The limit price.</param>
/// <param name="Size">The open (leaves) quantity.</param>
/// <param name="OrderId">The exchange order id (<c>OrderID</c>, or <c>MDEntryID</c>).</param>
/// <param name="UserId">The owner's account id, when the server sends it.</param>
/// <param name="Broker">The owner's broker username, when the server sends it.</param>
public readonly record struct OrderBookEntry(Price Price, Quantity Size, long OrderId, long? UserId, string? Broker)
{
    /// <summary>Builds an entry from a <c>W</c>/<c>X</c> book entry.</summary>
    /// <param name="entry">The wire entry.</param>
    /// <returns>The book entry.</returns>
    public static OrderBookEntry From(MarketDataEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.MDEntryPx ?? default, entry.MDEntrySize ?? default, entry.OrderID ?? entry.MDEntryID ?? 0, entry.UserID, entry.Broker);
    }
}
