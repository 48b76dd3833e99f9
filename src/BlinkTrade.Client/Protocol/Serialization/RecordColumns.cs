using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Typed getters of one record's serialized members, in the order its (source-generated) metadata writes them, each
/// with the converter the serializer uses for it: writes the record as an array of cells (a row of a column-oriented
/// list) or as members of an enclosing object (a deposit or withdrawal flattened into its report) without the
/// serializer's per-object machinery.
/// </summary>
/// <remarks>
/// The exchange's gateway writes list pages of up to 1,000 rows: through the serializer's metadata each row cost about
/// 0.7 µs as an object plus a reshape into arrays, 4–6× the former hand-written writer (docs/performance.md, "Gateway
/// codec"). The getters are declared by hand because the metadata's own getters box every value; the declared order
/// and types are checked against the metadata once (<see cref="IsValid"/>), and a record whose table does not match is
/// written by the serializer as before. The output equals the serializer's: members in metadata order, a null member
/// left out (the protocol's <c>WhenWritingNull</c>). A record with extension data is not handled here (see
/// <see cref="HasExtensionData"/>).
/// </remarks>
/// <typeparam name="TRow">The record.</typeparam>
internal sealed class RecordColumns<TRow>
    where TRow : ProtocolRecord
{
    private readonly List<Column> _columns = [];
    private readonly JsonTypeInfo _typeInfo;
    private readonly List<JsonPropertyInfo> _properties;

    /// <summary>Starts a table over <paramref name="typeInfo"/>'s members; add every member in order with <see cref="Add{T}"/>.</summary>
    public RecordColumns(JsonTypeInfo<TRow> typeInfo)
    {
        _typeInfo = typeInfo;
        _properties = [.. typeInfo.Properties.Where(p => !p.IsExtensionData)];
    }

    /// <summary>Whether the declared getters match the metadata's members one for one (count, order by type).</summary>
    public bool IsValid => _columns.Count == _properties.Count && _columns.Count <= 64 && _columns.TrueForAll(c => c.Valid);

    /// <summary>The number of columns.</summary>
    public int Count => _columns.Count;

    /// <summary>Adds the next member's getter.</summary>
    /// <typeparam name="T">The member's type.</typeparam>
    /// <param name="get">Reads the member.</param>
    /// <returns>This table.</returns>
    public RecordColumns<TRow> Add<T>(Func<TRow, T> get)
    {
        var index = _columns.Count;
        if (index < _properties.Count && _properties[index] is { } property && property.PropertyType == typeof(T))
        {
            var converter = property.CustomConverter as JsonConverter<T> ?? (JsonConverter<T>)_typeInfo.Options.GetTypeInfo(typeof(T)).Converter;
            _columns.Add(new Column<T>(JsonEncodedText.Encode(property.Name), get, converter, _typeInfo.Options));
        }
        else
        {
            _columns.Add(new Column<T>(default, get, null, _typeInfo.Options));
        }
        return this;
    }

    /// <summary>Whether <paramref name="row"/> carries fields this SDK does not model (written by the serializer then).</summary>
    public static bool HasExtensionData(TRow row) => row.ExtensionData is { Count: > 0 };

    /// <summary>
    /// The columns any of <paramref name="rows"/> has a (non-null) value in, as indexes in first-seen order: each row's
    /// members in the record's order, a column first met in a later row after all those already seen (the order the
    /// object form reshaped gave).
    /// </summary>
    /// <param name="rows">The rows.</param>
    /// <param name="order">Receives the column indexes (room for <see cref="Count"/>).</param>
    /// <returns>How many columns are present.</returns>
    public int Order(IReadOnlyList<TRow> rows, Span<byte> order)
    {
        var present = 0UL;
        var count = 0;
        for (var r = 0; r < rows.Count && count < _columns.Count; r++)
        {
            var row = rows[r];
            for (var i = 0; i < _columns.Count; i++)
            {
                if ((present & (1UL << i)) == 0 && _columns[i].HasValue(row))
                {
                    present |= 1UL << i;
                    order[count++] = (byte)i;
                }
            }
        }
        return count;
    }

    /// <summary>Writes the names of the columns in <paramref name="order"/> as string values.</summary>
    public void WriteNames(Utf8JsonWriter writer, ReadOnlySpan<byte> order)
    {
        foreach (var i in order)
        {
            writer.WriteStringValue(_columns[i].Name);
        }
    }

    /// <summary>Writes <paramref name="row"/> as an array of the columns in <paramref name="order"/> (null where it has none).</summary>
    public void WriteRow(Utf8JsonWriter writer, TRow row, ReadOnlySpan<byte> order)
    {
        writer.WriteStartArray();
        foreach (var i in order)
        {
            _columns[i].WriteValue(writer, row);
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes <paramref name="row"/>'s non-null members as properties of the object being written.</summary>
    public void WriteMembers(Utf8JsonWriter writer, TRow row)
    {
        foreach (var column in _columns)
        {
            column.WriteMember(writer, row);
        }
    }

    private abstract class Column(JsonEncodedText name)
    {
        public JsonEncodedText Name { get; } = name;

        public abstract bool Valid { get; }

        public abstract bool HasValue(TRow row);

        // The value, or null.
        public abstract void WriteValue(Utf8JsonWriter writer, TRow row);

        // "Name": value, or nothing when the value is null.
        public abstract void WriteMember(Utf8JsonWriter writer, TRow row);
    }

    private sealed class Column<T>(JsonEncodedText name, Func<TRow, T> get, JsonConverter<T>? converter, JsonSerializerOptions options) : Column(name)
    {
        public override bool Valid => converter is not null;

        public override bool HasValue(TRow row) => get(row) is not null;

        public override void WriteValue(Utf8JsonWriter writer, TRow row)
        {
            var value = get(row);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                converter!.Write(writer, value, options);
            }
        }

        public override void WriteMember(Utf8JsonWriter writer, TRow row)
        {
            var value = get(row);
            if (value is not null)
            {
                writer.WritePropertyName(Name);
                converter!.Write(writer, value, options);
            }
        }
    }
}
