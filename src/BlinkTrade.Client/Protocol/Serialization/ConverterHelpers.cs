using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Building blocks of the hand-written hot-path converters (<see cref="ExecutionReportJsonConverter"/>,
/// <see cref="MarketDataEntryJsonConverter"/>…). Each reads with exactly the tolerance of the protocol-wide converters
/// the source generator would have used, so a hand-written converter accepts and rejects the same input.
/// </summary>
internal static class ConverterHelpers
{
    /// <summary>Longest property name decoded into the caller's stack buffer; longer names are never known fields.</summary>
    public const int NameBufferLength = 32;

    private static readonly WireDateTimeConverter DateTimeConverter = new();
    private static readonly WireDateConverter DateConverter = new();
    private static readonly WireTimeConverter TimeConverter = new();

    /// <summary>Checks the reader is on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, Type type)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {type.Name}, got {reader.TokenType}.");
        }
    }

    /// <summary>
    /// Advances to the next property name, decodes it (escapes included) into <paramref name="buffer"/>, and moves to
    /// its value. Returns the name length, or -1 at the end of the object; a name too long for the buffer is returned
    /// in <paramref name="longName"/> (its length is then 0).
    /// </summary>
    public static int NextProperty(ref Utf8JsonReader reader, scoped Span<char> buffer, out string? longName)
    {
        longName = null;
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of data.");
        }
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return -1;
        }
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException($"Expected a property name, got {reader.TokenType}.");
        }
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        int length;
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && rawLength <= buffer.Length
            && System.Text.Ascii.ToUtf16(reader.ValueSpan, buffer, out var widened) == System.Buffers.OperationStatus.Done)
        {
            // Fast path: plain ASCII names (all protocol fields) are widened without UTF-8 decoding.
            length = widened;
        }
        else if (rawLength <= buffer.Length)
        {
            length = reader.CopyString(buffer);
        }
        else
        {
            longName = reader.GetString()!;
            length = 0;
        }
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of data.");
        }
        return length;
    }

    /// <summary>Stores an unknown property in the extension data (created on first use; a repeated name keeps the last value).</summary>
    public static void AddExtension(ref Dictionary<string, JsonElement>? extension, scoped ReadOnlySpan<char> name, string? longName, ref Utf8JsonReader reader)
    {
        extension ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        extension[longName ?? name.ToString()] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Writes a record's extension data after its known properties, as the serializer does; a shared wire
    /// property is written as is, without making the record's dictionary.</summary>
    public static void WriteExtension(Utf8JsonWriter writer, ProtocolRecord record)
    {
        if (record.WireExtension is WireExtensionProperty shared)
        {
            writer.WritePropertyName(shared.Name);
            shared.Value.WriteTo(writer);
            return;
        }
        WriteExtension(writer, record.ExtensionData);
    }

    /// <summary>Writes extension data after the known properties, as the serializer does.</summary>
    public static void WriteExtension(Utf8JsonWriter writer, IDictionary<string, JsonElement>? extension)
    {
        if (extension is null)
        {
            return;
        }
        foreach (var (name, value) in extension)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    /// <summary>A 64-bit integer (numbers, numeric strings, integral floats); null is an error.</summary>
    public static long Int64(ref Utf8JsonReader reader) => WireNumbers.ReadInt64(ref reader);

    /// <summary>An optional 64-bit integer.</summary>
    public static long? NullableInt64(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : WireNumbers.ReadInt64(ref reader);

    /// <summary>An optional 32-bit integer.</summary>
    public static int? NullableInt32(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : WireNumbers.ReadInt32(ref reader);

    /// <summary>A 1e8-scaled value; null is an error.</summary>
    public static T Fixed<T>(ref Utf8JsonReader reader) where T : struct, IFixedPoint<T>
        => T.FromSatoshis(WireNumbers.ReadInt64(ref reader));

    /// <summary>An optional 1e8-scaled value.</summary>
    public static T? NullableFixed<T>(ref Utf8JsonReader reader) where T : struct, IFixedPoint<T>
        => reader.TokenType == JsonTokenType.Null ? null : T.FromSatoshis(WireNumbers.ReadInt64(ref reader));

    /// <summary>A wire enumeration; null is an error.</summary>
    public static T Enum<T>(ref Utf8JsonReader reader) where T : struct, IWireEnum<T>
        => WireEnumConverter<T>.ReadValue(ref reader);

    /// <summary>An optional wire enumeration.</summary>
    public static T? NullableEnum<T>(ref Utf8JsonReader reader) where T : struct, IWireEnum<T>
        => reader.TokenType == JsonTokenType.Null ? null : WireEnumConverter<T>.ReadValue(ref reader);

    /// <summary>A string (numbers and booleans kept as their text; null reads as null).</summary>
    public static string? String(ref Utf8JsonReader reader) => FlexibleStringConverter.ReadValue(ref reader);

    /// <summary>A string from a small set that repeats across frames (symbols, broker names): returned from a cache.</summary>
    public static string? RepeatedString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            ? WireStringCache.Get(reader.ValueSpan)
            : FlexibleStringConverter.ReadValue(ref reader);

    /// <summary>An optional wire datetime.</summary>
    public static DateTime? NullableDateTime(ref Utf8JsonReader reader, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : DateTimeConverter.Read(ref reader, typeof(DateTime), options);

    /// <summary>An optional wire date.</summary>
    public static DateOnly? NullableDate(ref Utf8JsonReader reader, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : DateConverter.Read(ref reader, typeof(DateOnly), options);

    /// <summary>An optional wire time.</summary>
    public static TimeOnly? NullableTime(ref Utf8JsonReader reader, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : TimeConverter.Read(ref reader, typeof(TimeOnly), options);

    /// <summary>Writes a datetime in the wire format.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTime value, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        DateTimeConverter.Write(writer, value, options);
    }

    /// <summary>Writes a date in the wire format.</summary>
    public static void WriteDate(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateOnly value, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        DateConverter.Write(writer, value, options);
    }

    /// <summary>Writes a time in the wire format.</summary>
    public static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, TimeOnly value, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        TimeConverter.Write(writer, value, options);
    }
}
