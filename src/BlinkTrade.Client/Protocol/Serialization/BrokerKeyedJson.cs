using System.Globalization;
using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Shared reading and writing for the broker-keyed messages (<c>U3</c>, <c>U43</c>): a frame whose top-level keys are
/// a few known fields plus one key per broker id (<c>"5"</c>) holding a currency → integer object. Anything else is
/// kept as extension data.
/// </summary>
internal static class BrokerKeyedJson
{
    /// <summary>The suffix of the reserved part of a balance (<c>BTC_locked</c>).</summary>
    public const string LockedSuffix = "_locked";

    /// <summary>Whether a top-level key is a broker id: digits only, in canonical form (so it round-trips).</summary>
    public static bool TryParseBrokerKey(string name, out int brokerId)
        => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out brokerId)
           && string.Equals(brokerId.ToString(CultureInfo.InvariantCulture), name, StringComparison.Ordinal);

    /// <summary>Reads a nullable integer field (number, numeric string or null).</summary>
    public static long? ReadNullableInt64(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : WireNumbers.ReadInt64(ref reader);

    /// <summary>Checks the <c>MsgType</c> value.</summary>
    public static void CheckMsgType(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(expected))
        {
            throw new JsonException($"Expected MsgType '{expected}'.");
        }
    }

    /// <summary>
    /// Reads one broker object (the reader is on its StartObject) as (key, value) pairs; null values are skipped
    /// (same as absent). Every other value must be an integer.
    /// </summary>
    public static List<KeyValuePair<string, long>> ReadCurrencyObject(ref Utf8JsonReader reader)
    {
        var values = new List<KeyValuePair<string, long>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }
            values.Add(new(key, WireNumbers.ReadInt64(ref reader)));
        }
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("Unterminated broker object.");
        }
        return values;
    }

    /// <summary>Keeps a value the message does not model.</summary>
    public static void AddExtension(ref Dictionary<string, JsonElement>? extension, string name, ref Utf8JsonReader reader)
    {
        extension ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        extension[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Writes extension data back, skipping the keys the converter writes itself.</summary>
    public static void WriteExtension(Utf8JsonWriter writer, IDictionary<string, JsonElement>? extension, Func<string, bool> isModelled)
    {
        if (extension is null)
        {
            return;
        }
        foreach (var (name, value) in extension)
        {
            if (isModelled(name))
            {
                continue;
            }
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }
}
