using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of every typed protocol message. Each concrete record fixes its <see cref="MsgType"/>; fields the SDK does
/// not know are kept in <see cref="ExtensionData"/> (for diagnostics, and so they survive a round trip).
/// </summary>
/// <remarks>
/// Serialize and parse messages with <see cref="ProtocolSerializer"/>: it also maps BlinkTrade's column-oriented
/// list responses (<c>Columns</c> + <c>…Grp</c> rows of arrays) to typed rows.
/// </remarks>
public abstract record BlinkTradeMessage
{
    /// <summary>The wire message type (<c>"D"</c>, <c>"8"</c>, <c>"U2"</c>…).</summary>
    [JsonPropertyName("MsgType")]
    [JsonPropertyOrder(-1000)]
    public abstract string MsgType { get; }

    /// <summary>Fields present on the wire that this SDK version does not model (filled in by the serializer).</summary>
    /// <remarks>Settable rather than init-only because System.Text.Json's source generator cannot bind extension data
    /// through an object initializer.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
