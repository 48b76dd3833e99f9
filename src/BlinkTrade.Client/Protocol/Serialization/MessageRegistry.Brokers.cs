namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Brokers messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] BrokersMessages =>
    [
        new(MessageTypes.BrokerListRequest, Context.BrokerListRequest),
        new(MessageTypes.BrokerListResponse, Context.BrokerListResponse, "BrokerListGrp"),
    ];
}
