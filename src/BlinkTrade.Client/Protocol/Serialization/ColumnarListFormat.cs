using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>How <see cref="ColumnarLists"/> writes one list message straight in the wire form (see <see cref="RowGroupFormat{TRow}"/>).</summary>
internal abstract class ColumnarListFormat
{
    /// <summary>Whether the message can be written by <see cref="Modify"/>'s metadata: neither it nor a row carries unknown fields.</summary>
    public abstract bool CanWrite(BlinkTradeMessage message, JsonTypeInfo messageTypeInfo);

    /// <summary>Rewrites the message's metadata: <c>Columns</c> before the row group, the rows as arrays.</summary>
    public abstract void Modify(JsonTypeInfo typeInfo);
}
