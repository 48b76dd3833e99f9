using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing;

/// <summary>One visible resting order of a book as the control API sees it (a <c>W</c> book entry).</summary>
/// <param name="Position">1-based position within the side, best first.</param>
/// <param name="Price">The limit price.</param>
/// <param name="Quantity">The quantity still open.</param>
/// <param name="OrderId">The order id (<c>MDEntryID</c>).</param>
/// <param name="BrokerId">The owner's broker.</param>
/// <param name="UserId">The owner.</param>
/// <param name="Time">When the order was created (the exchange's clock).</param>
public readonly record struct ExchangeBookEntry(int Position, Price Price, Quantity Quantity, long OrderId, int BrokerId, int UserId, DateTimeOffset Time)
{
    internal static ExchangeBookEntry From(Matching.BookEntry entry) =>
        new(entry.Position, new Price(entry.Price), new Quantity(entry.Quantity), entry.OrderId, entry.BrokerId, entry.UserId, new DateTimeOffset(entry.Timestamp, TimeSpan.Zero));
}
