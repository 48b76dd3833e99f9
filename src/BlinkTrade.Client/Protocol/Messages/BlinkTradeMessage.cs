using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of every typed protocol message. Each concrete record fixes its <see cref="MsgType"/>; fields the SDK does
/// not know are kept in <see cref="ProtocolRecord.ExtensionData"/> (for diagnostics, and so they survive a round trip).
/// </summary>
/// <remarks>
/// Serialize and parse messages with <see cref="ProtocolSerializer"/>: it also maps BlinkTrade's column-oriented
/// list responses (<c>Columns</c> + <c>…Grp</c> rows of arrays) to typed rows.
/// </remarks>
public abstract record BlinkTradeMessage : ProtocolRecord
{
    /// <summary>The wire message type (<c>"D"</c>, <c>"8"</c>, <c>"U2"</c>…).</summary>
    [JsonPropertyName("MsgType")]
    [JsonPropertyOrder(-1000)]
    public abstract string MsgType { get; }

    /// <summary>Prints the message type first, then the names of unknown fields, when there are any.</summary>
    /// <param name="builder">The record's text so far.</param>
    /// <returns>Whether anything was printed (always: the message type).</returns>
    protected override bool PrintMembers(StringBuilder builder)
    {
        RecordText.Print(builder, false, ("MsgType", MsgType));
        PrintExtensionData(builder, printedBefore: true);
        return true;
    }
}
