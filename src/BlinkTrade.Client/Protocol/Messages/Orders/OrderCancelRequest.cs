namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>F</c> OrderCancelRequest (PROTOCOL.md §2.3): cancels one order by client id (<see cref="OrigClOrdID"/> and/or
/// <see cref="ClOrdID"/>) or by <see cref="OrderID"/>; with neither, cancels all the caller's open orders of
/// <see cref="Side"/>. Answered by <see cref="ExecutionReport"/>s with <c>ExecType "4"</c>; an order that is not open
/// gets an <c>ERROR</c> naming it in <c>ReqID</c> from the reference exchange (§5 G15), no answer from engine-2015.
/// </summary>
[MessageType(MessageTypes.OrderCancelRequest)]
public sealed partial record OrderCancelRequest : BlinkTradeMessage
{
    /// <summary>Client id of the order to cancel (wins over <see cref="ClOrdID"/>).</summary>
    public string? OrigClOrdID { get; init; }

    /// <summary>Client id of the order to cancel (clients send it equal to <see cref="OrigClOrdID"/>).</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Exchange id of the order to cancel.</summary>
    public long? OrderID { get; init; }

    /// <summary>For cancel-all: the side to cancel (required then).</summary>
    public Side? Side { get; init; }

    /// <summary>Cancels the order with this client id.</summary>
    /// <param name="clOrdId">The order's client id.</param>
    /// <returns>The request (OrigClOrdID = ClOrdID, as the JS clients send it).</returns>
    public static OrderCancelRequest ByClOrdID(string clOrdId) => new() { OrigClOrdID = clOrdId, ClOrdID = clOrdId };

    /// <summary>Cancels the order with this exchange id.</summary>
    /// <param name="orderId">The order id.</param>
    /// <returns>The request.</returns>
    public static OrderCancelRequest ByOrderID(long orderId) => new() { OrderID = orderId };

    /// <summary>Cancels every open order of one side.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The request.</returns>
    public static OrderCancelRequest All(Side side) => new() { Side = side };
}
