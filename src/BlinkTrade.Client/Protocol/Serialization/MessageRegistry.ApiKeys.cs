namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>ApiKeys messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] ApiKeysMessages =>
    [
    ];
}
