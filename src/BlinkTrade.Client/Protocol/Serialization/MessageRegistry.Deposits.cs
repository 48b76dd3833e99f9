namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Deposits messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] DepositsMessages =>
    [
        new(MessageTypes.DepositRequest, Context.DepositRequest),
        new(MessageTypes.DepositResponse, Context.DepositResponse),
        new(MessageTypes.DepositRefresh, Context.DepositRefresh),
        new(MessageTypes.DepositMethodsRequest, Context.DepositMethodsRequest),
        new(MessageTypes.DepositMethodsResponse, Context.DepositMethodsResponse),
        new(MessageTypes.DepositMethodRequest, Context.DepositMethodRequest),
        new(MessageTypes.DepositMethodResponse, Context.DepositMethodResponse),
        new(MessageTypes.DepositListRequest, Context.DepositListRequest),
        new(MessageTypes.DepositListResponse, Context.DepositListResponse, "DepositListGrp"),
    ];
}
