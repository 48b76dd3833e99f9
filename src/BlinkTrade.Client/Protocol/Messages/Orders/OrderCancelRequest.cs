namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public sealed partial record OrderCancelRequest
{
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
