using System.Collections.Frozen;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// MsgType → record metadata, and record type → metadata. Each message group lists its descriptors in its own
/// partial file; lookups by MsgType take the characters straight from the frame (no string allocated).
/// </summary>
internal static partial class MessageRegistry
{
    private static ProtocolJsonContext Context => ProtocolJsonContext.Default;

    private static readonly MessageDescriptor[] All =
    [
        .. MarketDataMessages, .. OrdersMessages, .. SessionMessages, .. AccountMessages, .. DepositsMessages,
        .. WithdrawalsMessages, .. ProfileMessages, .. BrokersMessages, .. ApiKeysMessages,
    ];

    private static readonly FrozenDictionary<string, MessageDescriptor> ByMsgType =
        All.ToFrozenDictionary(d => d.MsgType, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, MessageDescriptor>.AlternateLookup<ReadOnlySpan<char>> ByMsgTypeSpan =
        ByMsgType.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<Type, MessageDescriptor> ByType = All.ToFrozenDictionary(d => d.Type);

    /// <summary>Every registered message.</summary>
    public static IReadOnlyCollection<MessageDescriptor> Descriptors => ByMsgType.Values;

    /// <summary>Finds the descriptor of a MsgType.</summary>
    public static bool TryGet(ReadOnlySpan<char> msgType, out MessageDescriptor descriptor)
        => ByMsgTypeSpan.TryGetValue(msgType, out descriptor!);

    /// <summary>Finds the descriptor of a record type.</summary>
    public static bool TryGet(Type type, out MessageDescriptor descriptor) => ByType.TryGetValue(type, out descriptor!);
}
