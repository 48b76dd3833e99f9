using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Writes a list's row group in the wire form, each row an array of the columns any row has (PROTOCOL.md §0.2); with
/// <paramref name="namesOnly"/>, writes those columns' names instead (the list's <c>Columns</c> member). Write-only:
/// installed by <see cref="ColumnarLists"/> on the options it writes lists with.
/// </summary>
/// <typeparam name="TRow">The row record.</typeparam>
internal sealed class ColumnarRowsConverter<TRow>(RecordColumns<TRow> columns, bool namesOnly) : JsonConverter<IReadOnlyList<TRow>>
    where TRow : ProtocolRecord
{
    /// <inheritdoc />
    public override IReadOnlyList<TRow> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException("Column-oriented rows are read through ColumnarLists.ToObjectRows.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TRow> value, JsonSerializerOptions options)
    {
        Span<byte> order = stackalloc byte[columns.Count];
        order = order[..columns.Order(value, order)];
        writer.WriteStartArray();
        if (namesOnly)
        {
            columns.WriteNames(writer, order);
        }
        else
        {
            for (var i = 0; i < value.Count; i++)
            {
                columns.WriteRow(writer, value[i], order);
            }
        }
        writer.WriteEndArray();
    }
}
