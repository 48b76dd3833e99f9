using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// An API key's permissions (PROTOCOL.md §4.1): MsgType → filters. On the wire it is the plain JSON object
/// <c>{"D":[["Side","eq","1","OrdType","eq","2"]],"U2":[]}</c>; <c>{"*":[]}</c> allows everything (password logins).
/// Each filter is a flat list of <c>field, op, value</c> triples kept as <see cref="JsonElement"/> values, because
/// the server compares them without type coercion (<c>"501"</c> ≠ <c>501</c>).
/// </summary>
/// <remarks>
/// Reading also accepts the value JSON-encoded inside a string, once or several times (U53, PROTOCOL.md §5 G22);
/// writing always produces the plain object.
/// </remarks>
[JsonConverter(typeof(PermissionListJsonConverter))]
public sealed class PermissionList : IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<JsonElement>>>, IEquatable<PermissionList>
{
    /// <summary>The key that allows every message.</summary>
    public const string Wildcard = "*";

    private readonly Dictionary<string, IReadOnlyList<IReadOnlyList<JsonElement>>> _entries;

    /// <summary>Creates an empty list (which allows nothing).</summary>
    public PermissionList() => _entries = new(StringComparer.Ordinal);

    /// <summary>Creates a list from MsgType → filters.</summary>
    /// <param name="entries">The permissions.</param>
    public PermissionList(IEnumerable<KeyValuePair<string, IReadOnlyList<IReadOnlyList<JsonElement>>>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = new(entries, StringComparer.Ordinal);
    }

    /// <summary><c>{"*":[]}</c>: everything allowed.</summary>
    public static PermissionList AllowAll => new PermissionList().Allow(Wildcard);

    /// <summary>Whether the list holds the <c>*</c> wildcard.</summary>
    public bool IsAllowAll => _entries.ContainsKey(Wildcard);

    /// <inheritdoc />
    public int Count => _entries.Count;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _entries.Keys;

    /// <inheritdoc />
    public IEnumerable<IReadOnlyList<IReadOnlyList<JsonElement>>> Values => _entries.Values;

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<JsonElement>> this[string key] => _entries[key];

    /// <summary>Allows <paramref name="msgType"/>, unconditionally when no filter is given, otherwise when any filter passes.</summary>
    /// <param name="msgType">The MsgType (or <c>*</c>).</param>
    /// <param name="filters">Filters, each a flat list of field/op/value triples (see <see cref="Filter"/>).</param>
    /// <returns>This list, for chaining.</returns>
    public PermissionList Allow(string msgType, params IReadOnlyList<JsonElement>[] filters)
    {
        ArgumentNullException.ThrowIfNull(msgType);
        ArgumentNullException.ThrowIfNull(filters);
        _entries[msgType] = filters;
        return this;
    }

    /// <summary>Builds a filter from field/op/value triples, e.g. <c>Filter("Side", "eq", "1", "OrdType", "eq", "2")</c>.
    /// Strings, booleans, numbers, null, arrays of those and <see cref="JsonElement"/> values are accepted.</summary>
    /// <param name="items">The flat triples.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">A value of an unsupported type.</exception>
    public static IReadOnlyList<JsonElement> Filter(params object?[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var result = new JsonElement[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = ToElement(items[i]);
        }
        return result;
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out IReadOnlyList<IReadOnlyList<JsonElement>> value) => _entries.TryGetValue(key, out value!);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, IReadOnlyList<IReadOnlyList<JsonElement>>>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Compares by content (same MsgTypes, same filters, JSON values compared by their raw text).</summary>
    /// <param name="other">The other list.</param>
    /// <returns>Whether both hold the same permissions.</returns>
    public bool Equals(PermissionList? other) => other is not null && ToJson() == other.ToJson();

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PermissionList other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson());

    /// <summary>The wire JSON object.</summary>
    /// <returns>E.g. <c>{"*":[]}</c>.</returns>
    public override string ToString() => ToJson();

    /// <summary>Parses the wire form (a JSON object, or that object JSON-encoded in a string).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The list.</returns>
    /// <exception cref="JsonException">The text is not a permission list.</exception>
    public static PermissionList Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read())
        {
            throw new JsonException("Empty permission list.");
        }
        return PermissionListJsonConverter.ReadList(ref reader);
    }

    private string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            PermissionListJsonConverter.WriteList(writer, this);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonElement ToElement(object? item)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteItem(writer, item);
        }
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }

    private static void WriteItem(Utf8JsonWriter writer, object? item)
    {
        switch (item)
        {
            case null: writer.WriteNullValue(); break;
            case JsonElement element: element.WriteTo(writer); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case double d: writer.WriteNumberValue(d); break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var x in list)
                {
                    WriteItem(writer, x);
                }
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"Unsupported filter value type {item.GetType().Name}.", nameof(item));
        }
    }
}
