namespace BlinkTrade.Testing.Matching;

/// <summary>One visible resting order in a book snapshot (a <c>W</c> <c>MDFullGrp</c> book entry).</summary>
/// <param name="Position">1-based position within the side, best first.</param>
/// <param name="Price">Limit price.</param>
/// <param name="Quantity">Leaves quantity.</param>
/// <param name="OrderId">Order id (<c>MDEntryID</c>).</param>
/// <param name="BrokerId">Broker of the owner.</param>
/// <param name="UserId">Owner.</param>
/// <param name="Timestamp">Order creation time.</param>
internal readonly record struct BookEntry(int Position, long Price, long Quantity, long OrderId, int BrokerId, int UserId, long Timestamp);
