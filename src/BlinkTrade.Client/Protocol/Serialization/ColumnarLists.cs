using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// BlinkTrade list responses are column-oriented: <c>"Columns": ["ClOrdID","OrderID",…]</c> plus a group of rows,
/// each an array in column order (PROTOCOL.md §0.2, §5 G10). Records model the rows as objects, so this reshapes a
/// frame between the two forms. Any column order is accepted; columns the row type does not know become the row's
/// extension data; a row with more values than columns ignores the extra values.
/// </summary>
internal static class ColumnarLists
{
    private const string ColumnsProperty = "Columns";

    /// <summary>Rewrites a wire frame (rows as arrays) into the object form the records deserialize from.</summary>
    /// <exception cref="JsonException">The rows are arrays but there is no usable <c>Columns</c> array.</exception>
    public static byte[] ToObjectRows(ReadOnlySpan<byte> frame, string rowGroup)
    {
        using var document = JsonDocument.Parse(frame.ToArray());
        var root = document.RootElement;
        string[]? columns = null;
        if (root.TryGetProperty(ColumnsProperty, out var columnsElement) && columnsElement.ValueKind == JsonValueKind.Array)
        {
            columns = new string[columnsElement.GetArrayLength()];
            var i = 0;
            foreach (var column in columnsElement.EnumerateArray())
            {
                columns[i++] = column.ValueKind == JsonValueKind.String
                    ? column.GetString()!
                    : throw new JsonException($"'{ColumnsProperty}' must be an array of strings.");
            }
        }

        var output = new ArrayBufferWriter<byte>(frame.Length * 2);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals(ColumnsProperty))
                {
                    continue;
                }
                if (!property.NameEquals(rowGroup) || property.Value.ValueKind != JsonValueKind.Array)
                {
                    property.WriteTo(writer);
                    continue;
                }
                writer.WritePropertyName(property.Name);
                writer.WriteStartArray();
                foreach (var row in property.Value.EnumerateArray())
                {
                    if (row.ValueKind != JsonValueKind.Array)
                    {
                        // Already an object (an SDK-formatted list): keep it as it is.
                        row.WriteTo(writer);
                        continue;
                    }
                    if (columns is null)
                    {
                        throw new JsonException($"'{rowGroup}' holds rows of arrays but the frame has no '{ColumnsProperty}' array.");
                    }
                    writer.WriteStartObject();
                    var index = 0;
                    foreach (var cell in row.EnumerateArray())
                    {
                        if (index >= columns.Length)
                        {
                            break;
                        }
                        writer.WritePropertyName(columns[index++]);
                        cell.WriteTo(writer);
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes <paramref name="message"/> in the wire form: the list messages the gateway answers with straight from their
    /// records (<see cref="Formats"/>); otherwise the record serialized as objects, then reshaped in one
    /// forward pass (no document): every property is copied as it is except <paramref name="rowGroup"/>, which becomes
    /// <c>Columns</c> (every name any row has, in first-seen order) and rows of arrays in that order (null where a row
    /// lacks the column).
    /// </summary>
    /// <remarks>
    /// The exchange's gateway writes every list reply through here, pages of up to 1,000 rows: hence the direct path, and
    /// on the general one a reader over the object form and raw copies of the values rather than a
    /// <see cref="JsonDocument"/> per frame.
    /// </remarks>
    public static void Write(Utf8JsonWriter writer, BlinkTradeMessage message, JsonTypeInfo typeInfo, string rowGroup)
    {
        if (Formats.TryGetValue(message.GetType(), out var format) && format.CanWrite(message, typeInfo))
        {
            JsonSerializer.Serialize(writer, message, ListOptions.GetTypeInfo(typeInfo.Type));
            return;
        }
        WriteByReshaping(writer, message, typeInfo, rowGroup);
    }

    /// <summary>
    /// The list messages written straight in the wire form: their metadata, on <see cref="ListOptions"/>, has a
    /// <c>Columns</c> member and the rows written as arrays by the row record's <see cref="RecordColumns{TRow}"/> (no
    /// object form, no reshape). A message or row with unknown fields, or a row record whose table does not match its
    /// metadata, goes through <see cref="WriteByReshaping"/>: the same bytes.
    /// </summary>
    private static readonly Dictionary<Type, ColumnarListFormat> Formats = new()
    {
        [typeof(OrdersListResponse)] = new RowGroupFormat<OrderListEntry>("OrdListGrp", RecordColumnTables.Orders),
        [typeof(TradeHistoryResponse)] = new RowGroupFormat<TradeHistoryEntry>("TradeHistoryGrp", RecordColumnTables.Trades),
        [typeof(LedgerListResponse)] = new RowGroupFormat<LedgerEntry>("LedgerListGrp", RecordColumnTables.Ledger),
        [typeof(TradersRankResponse)] = new RowGroupFormat<TradersRankEntry>("TradersRankGrp", RecordColumnTables.TradersRank),
        [typeof(DepositListResponse)] = new RowGroupFormat<Deposit>("DepositListGrp", RecordColumnTables.Deposits),
        [typeof(WithdrawListResponse)] = new RowGroupFormat<Withdrawal>("WithdrawListGrp", RecordColumnTables.Withdrawals),
        [typeof(BrokerListResponse)] = new RowGroupFormat<BrokerInfo>("BrokerListGrp", RecordColumnTables.Brokers),
        [typeof(ApiKeyListResponse)] = new RowGroupFormat<ApiKeyListEntry>("ApiKeyListGrp", RecordColumnTables.ApiKeys),
    };

    // The protocol's options with the list messages' metadata rewritten by their formats (write-only).
    private static readonly JsonSerializerOptions ListOptions = CreateListOptions();

    private static JsonSerializerOptions CreateListOptions()
    {
        var options = new JsonSerializerOptions(ProtocolJsonContext.Default.Options)
        {
            TypeInfoResolver = ProtocolJsonContext.Default.WithAddedModifier(static typeInfo =>
            {
                if (Formats.TryGetValue(typeInfo.Type, out var format))
                {
                    format.Modify(typeInfo);
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Writes <paramref name="message"/> in the wire form the general way: the record serialized as objects, then
    /// reshaped (see <see cref="ToColumnRows"/>).
    /// </summary>
    internal static void WriteByReshaping(Utf8JsonWriter writer, BlinkTradeMessage message, JsonTypeInfo typeInfo, string rowGroup)
    {
        var objectForm = t_objectForm ?? new ArrayBufferWriter<byte>(4096);
        t_objectForm = null; // not shared with a nested call
        objectForm.ResetWrittenCount();
        try
        {
            using (var objectWriter = new Utf8JsonWriter(objectForm, new JsonWriterOptions { SkipValidation = true }))
            {
                JsonSerializer.Serialize(objectWriter, message, typeInfo);
            }
            ToColumnRows(objectForm.WrittenSpan, rowGroup, writer);
        }
        finally
        {
            if (objectForm.Capacity <= MaxRetainedBytes)
            {
                t_objectForm = objectForm;
            }
        }
    }

    // Above this size the object-form scratch buffer is not kept on the thread.
    private const int MaxRetainedBytes = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_objectForm;

    /// <summary>Rewrites the object form a record serializes to into the wire form (Columns + rows of arrays).</summary>
    public static void ToColumnRows(ReadOnlySpan<byte> objectForm, string rowGroup, Utf8JsonWriter writer)
    {
        var reader = new Utf8JsonReader(objectForm);
        reader.Read();
        writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isGroup = reader.ValueTextEquals(rowGroup);
            // The serializer's own names: unescaped ASCII, copied as they are.
            var name = reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
            reader.Read();
            if (!isGroup || reader.TokenType != JsonTokenType.StartArray)
            {
                writer.WritePropertyName(name);
                WriteRaw(ref reader, objectForm, writer);
                continue;
            }
            var columns = CollectColumns(reader, objectForm);
            writer.WriteStartArray(ColumnsProperty);
            foreach (var column in columns)
            {
                writer.WriteStringValue(column);
            }
            writer.WriteEndArray();
            writer.WriteStartArray(rowGroup);
            WriteRows(ref reader, objectForm, columns, writer);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    // Every property name any row object has, in first-seen order; the reader is a copy, left where it was.
    private static List<string> CollectColumns(Utf8JsonReader reader, ReadOnlySpan<byte> objectForm)
    {
        var columns = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            var next = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (IndexOf(ref reader, columns, next) is var index and >= 0)
                {
                    next = index + 1;
                }
                else
                {
                    columns.Add(reader.GetString()!);
                    next = columns.Count;
                }
                reader.Read();
                reader.Skip();
            }
        }
        return columns;
    }

    // Each row as an array of its cells in column order; the reader ends on the group's EndArray.
    private static void WriteRows(ref Utf8JsonReader reader, ReadOnlySpan<byte> objectForm, List<string> columns, Utf8JsonWriter writer)
    {
        var cells = new (int Start, int End)[columns.Count];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Array.Clear(cells);
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var next = 0;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var index = IndexOf(ref reader, columns, next);
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    cells[index] = (start, (int)reader.BytesConsumed);
                    next = index + 1;
                }
            }
            else
            {
                reader.Skip();
            }
            writer.WriteStartArray();
            foreach (var (start, end) in cells)
            {
                if (end == 0)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteRawValue(objectForm[start..end], skipInputValidation: true);
                }
            }
            writer.WriteEndArray();
        }
    }

    // The column of the current property name: rows of one record list their properties in one order, so the column
    // after the previous cell's is tried first.
    private static int IndexOf(ref Utf8JsonReader reader, List<string> columns, int next)
    {
        if (next < columns.Count && reader.ValueTextEquals(columns[next]))
        {
            return next;
        }
        for (var i = 0; i < columns.Count; i++)
        {
            if (reader.ValueTextEquals(columns[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static void WriteRaw(ref Utf8JsonReader reader, ReadOnlySpan<byte> objectForm, Utf8JsonWriter writer)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        writer.WriteRawValue(objectForm[start..(int)reader.BytesConsumed], skipInputValidation: true);
    }
}
