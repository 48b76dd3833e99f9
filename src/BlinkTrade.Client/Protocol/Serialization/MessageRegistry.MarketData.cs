namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>MarketData messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] MarketDataMessages =>
    [
        new(MessageTypes.MarketDataRequest, Context.MarketDataRequest),
        new(MessageTypes.MarketDataFullRefresh, Context.MarketDataFullRefresh),
        new(MessageTypes.MarketDataIncrementalRefresh, Context.MarketDataIncrementalRefresh),
        new(MessageTypes.MarketDataRequestReject, Context.MarketDataRequestReject),
        new(MessageTypes.SecurityListRequest, Context.SecurityListRequest),
        new(MessageTypes.SecurityList, Context.SecurityList),
        new(MessageTypes.SecurityStatusRequest, Context.SecurityStatusRequest),
        new(MessageTypes.SecurityStatus, Context.Ticker),
    ];
}
