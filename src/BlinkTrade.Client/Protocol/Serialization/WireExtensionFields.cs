using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The unknown properties a hand-written reader collects for a record's <see cref="ProtocolRecord.ExtensionData"/>:
/// none, the one shared <see cref="WireExtensionProperty"/> the compact reader found (stored as is: no dictionary per
/// record, see <see cref="ProtocolRecord.WireExtension"/>), or, from a second property or the tolerant reader on, an
/// ordinal <see cref="Dictionary{TKey, TValue}"/> (insertion order; a repeated name keeps the last value).
/// </summary>
internal struct WireExtensionFields
{
    private object? _value;

    /// <summary>What the record stores (<see cref="ProtocolRecord.WireExtension"/>).</summary>
    public readonly object? Value => _value;

    /// <summary>Adds a shared property.</summary>
    /// <param name="property">The property (immutable, shared with other records).</param>
    public void Add(WireExtensionProperty property)
    {
        if (_value is null)
        {
            _value = property;
            return;
        }
        Dictionary()[property.Name] = property.Value;
    }

    /// <summary>Sets a property.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="value">Its value.</param>
    public void Set(string name, JsonElement value) => Dictionary()[name] = value;

    private Dictionary<string, JsonElement> Dictionary()
    {
        switch (_value)
        {
            case Dictionary<string, JsonElement> dictionary:
                return dictionary;
            case WireExtensionProperty first:
                var many = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [first.Name] = first.Value };
                _value = many;
                return many;
            default:
                var created = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                _value = created;
                return created;
        }
    }
}
