using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Session;

/// <summary>Classifies outgoing messages for the <see cref="OutboundPacer"/>.</summary>
internal static class PacingPolicy
{
    public const int Classes = 4;

    /// <summary>The order key of a cancel-all (no ClOrdID, OrigClOrdID or OrderID): it concerns every order, so it
    /// queues behind every new order still waiting in the pacer (an order sent before a cancel-all must be cancelled
    /// by it, not reach the exchange after it).</summary>
    public const string AllOrders = "\0all";

    /// <summary>The message's class, and the ClOrdID it concerns for orders and cancels by client id.</summary>
    public static (PacingPriority Priority, string? OrderKey) Classify(BlinkTradeMessage message) => message switch
    {
        TestRequest or Heartbeat => (PacingPriority.Session, null),
        UserRequest { UserReqTyp: var type } when type == UserRequestType.Login => (PacingPriority.Session, null),
        OrderCancelRequest { OrigClOrdID: null, ClOrdID: null, OrderID: null } => (PacingPriority.Cancel, AllOrders),
        OrderCancelRequest cancel => (PacingPriority.Cancel, cancel.OrigClOrdID ?? cancel.ClOrdID),
        NewOrderSingle order => (PacingPriority.NewOrder, order.ClOrdID),
        _ => (PacingPriority.Query, null),
    };
}
