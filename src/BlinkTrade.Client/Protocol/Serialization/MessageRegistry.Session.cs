namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Session messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] SessionMessages =>
    [
        new(MessageTypes.Heartbeat, Context.Heartbeat),
        new(MessageTypes.TestRequest, Context.TestRequest),
        new(MessageTypes.Error, Context.ErrorMessage),
    ];
}
