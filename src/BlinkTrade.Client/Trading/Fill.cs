using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Trading;

/// <summary>
/// One executed quantity of one of the user's orders, published by <see cref="IBlinkTradeClient.Fills"/> exactly once
/// across reconnects: the fills of an order add up to its <c>CumQty</c> at the exchange.
/// </summary>
/// <param name="OrderID">The exchange order id.</param>
/// <param name="ClOrdID">The client order id, when known.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">The order's side (what the user bought or sold).</param>
/// <param name="Quantity">The executed quantity (the report's <c>LastShares</c>).</param>
/// <param name="Price">The execution price (the report's <c>LastPx</c>); for a synthesized fill the volume-weighted
/// price of the missed quantity, rounded up to the satoshi (PROTOCOL.md G41).</param>
/// <param name="IsMaker">Whether the order was the resting side of the match; <see langword="null"/> when unknown
/// (synthesized fills).</param>
/// <param name="IsSynthesized">Whether the client made the fill up from the order's state (see
/// <see cref="ExecutionReport.IsSynthesized"/>) because its report was lost with a connection.</param>
/// <param name="Time">When the client learned of the fill (execution reports carry no trade time).</param>
/// <param name="Report">The execution report the fill comes from (<c>ExecID</c> 0 when synthesized).</param>
public sealed record Fill(
    long OrderID,
    string? ClOrdID,
    string? Symbol,
    Side Side,
    Quantity Quantity,
    Price Price,
    bool? IsMaker,
    bool IsSynthesized,
    DateTimeOffset Time,
    ExecutionReport Report)
{
    /// <summary>The fill an execution report carries, or <see langword="null"/> when it carries none (<c>LastShares</c> 0).</summary>
    /// <param name="report">The report.</param>
    /// <param name="time">When it was received or synthesized.</param>
    /// <returns>The fill, or <see langword="null"/>.</returns>
    public static Fill? From(ExecutionReport report, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.LastShares.Satoshis <= 0)
        {
            return null;
        }
        // ExecSide is the aggressor's side: an order whose side differs was resting (the maker).
        bool? isMaker = report.IsSynthesized || !report.ExecSide.IsKnown || !report.Side.IsKnown ? null : report.ExecSide != report.Side;
        return new Fill(report.OrderID, report.ClOrdID, report.Symbol, report.Side, report.LastShares, report.LastPx, isMaker, report.IsSynthesized, time, report);
    }
}
