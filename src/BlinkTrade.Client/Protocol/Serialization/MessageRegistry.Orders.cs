namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Orders messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] OrdersMessages =>
    [
        new(MessageTypes.NewOrderSingle, Context.NewOrderSingle),
        new(MessageTypes.ExecutionReport, Context.ExecutionReport),
        new(MessageTypes.OrderCancelRequest, Context.OrderCancelRequest),
        new(MessageTypes.OrdersListRequest, Context.OrdersListRequest),
        new(MessageTypes.OrdersListResponse, Context.OrdersListResponse, "OrdListGrp"),
        new(MessageTypes.TradeHistoryRequest, Context.TradeHistoryRequest),
        new(MessageTypes.TradeHistoryResponse, Context.TradeHistoryResponse, "TradeHistoryGrp"),
    ];
}
