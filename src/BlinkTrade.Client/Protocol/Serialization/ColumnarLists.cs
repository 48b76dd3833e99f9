using System.Buffers;
using System.Text.Json;

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

    /// <summary>Rewrites the object form a record serializes to into the wire form (Columns + rows of arrays).</summary>
    public static void ToColumnRows(ReadOnlySpan<byte> objectForm, string rowGroup, Utf8JsonWriter writer)
    {
        using var document = JsonDocument.Parse(objectForm.ToArray());
        var root = document.RootElement;
        writer.WriteStartObject();
        foreach (var property in root.EnumerateObject())
        {
            if (!property.NameEquals(rowGroup) || property.Value.ValueKind != JsonValueKind.Array)
            {
                property.WriteTo(writer);
                continue;
            }

            // Columns: every property name any row has, in first-seen order.
            var columns = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in property.Value.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                foreach (var cell in row.EnumerateObject())
                {
                    if (seen.Add(cell.Name))
                    {
                        columns.Add(cell.Name);
                    }
                }
            }

            writer.WriteStartArray(ColumnsProperty);
            foreach (var column in columns)
            {
                writer.WriteStringValue(column);
            }
            writer.WriteEndArray();

            writer.WriteStartArray(property.Name);
            foreach (var row in property.Value.EnumerateArray())
            {
                writer.WriteStartArray();
                foreach (var column in columns)
                {
                    if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty(column, out var cell))
                    {
                        cell.WriteTo(writer);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                }
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
