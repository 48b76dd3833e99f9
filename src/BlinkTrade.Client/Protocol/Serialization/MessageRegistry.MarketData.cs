namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>MarketData messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] MarketDataMessages =>
    [
    ];
}
