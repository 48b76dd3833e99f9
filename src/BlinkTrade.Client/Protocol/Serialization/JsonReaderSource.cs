using System.Text.Json;
using static BlinkTrade.Client.Protocol.Serialization.ConverterHelpers;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The tolerant <see cref="IWireSource"/>: a <see cref="Utf8JsonReader"/> read with exactly the tolerance of the
/// protocol-wide converters (<see cref="ConverterHelpers"/>), throwing <see cref="JsonException"/> on bad input. Holds
/// the reader by value (a ref struct cannot be referred to by a ref field): a converter copies its reader in and back.
/// </summary>
internal ref struct JsonReaderSource(Utf8JsonReader reader, JsonSerializerOptions options) : IWireSource
{
    // The longest name looked up; a longer one is never a protocol field.
    private const int MaxNameLength = 64;

    /// <summary>The reader, on the end of what was read last.</summary>
    public Utf8JsonReader Reader = reader;

    private string? _unknownName;

    /// <summary>Reads with <typeparamref name="TReader"/> from a converter's reader (copied in and back).</summary>
    public static T Read<TReader, T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where TReader : IWireObjectReader<T>
    {
        var source = new JsonReaderSource(reader, options);
        var value = TReader.Read(ref source);
        reader = source.Reader;
        return value;
    }

    /// <inheritdoc />
    public void StartObject(Type type) => ExpectStartObject(ref Reader, type);

    /// <inheritdoc />
    public bool Next(WireNameTable names, out int field)
    {
        if (!Reader.Read())
        {
            throw new JsonException("Unexpected end of data.");
        }
        if (Reader.TokenType == JsonTokenType.EndObject)
        {
            field = -1;
            return false;
        }
        if (Reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException($"Expected a property name, got {Reader.TokenType}.");
        }
        if (!Reader.HasValueSequence && !Reader.ValueIsEscaped)
        {
            field = names.Find(Reader.ValueSpan);
        }
        else
        {
            // An escaped name (or one split across segments) is compared unescaped, as the serializer compares it.
            Span<byte> name = stackalloc byte[MaxNameLength];
            var rawLength = Reader.HasValueSequence ? Reader.ValueSequence.Length : Reader.ValueSpan.Length;
            field = rawLength <= MaxNameLength ? names.Find(name[..Reader.CopyString(name)]) : -1;
        }
        _unknownName = field < 0 ? Reader.GetString() : null;
        if (!Reader.Read())
        {
            throw new JsonException("Unexpected end of data.");
        }
        return true;
    }

    /// <inheritdoc />
    public void KeepUnknown(ref WireExtensionFields unknown) => unknown.Set(_unknownName!, JsonElement.ParseValue(ref Reader));

    /// <inheritdoc />
    public void KeepExtension(WireNameTable names, int field, ref WireExtensionFields unknown)
        => unknown.Set(names.Name(field), JsonElement.ParseValue(ref Reader));

    /// <inheritdoc />
    public void Skip() => Reader.Skip();

    /// <inheritdoc />
    public readonly bool StartArray() => Reader.TokenType switch
    {
        JsonTokenType.Null => false,
        JsonTokenType.StartArray => true,
        _ => throw new JsonException($"Expected an array of market-data entries, got {Reader.TokenType}."),
    };

    /// <inheritdoc />
    public bool NextElement()
    {
        if (!Reader.Read())
        {
            throw new JsonException("Unexpected end of data.");
        }
        return Reader.TokenType != JsonTokenType.EndArray;
    }

    /// <inheritdoc />
    public long Int64() => ConverterHelpers.Int64(ref Reader);

    /// <inheritdoc />
    public long? NullableInt64() => ConverterHelpers.NullableInt64(ref Reader);

    /// <inheritdoc />
    public int? NullableInt32() => ConverterHelpers.NullableInt32(ref Reader);

    /// <inheritdoc />
    public T Fixed<T>() where T : struct, IFixedPoint<T> => ConverterHelpers.Fixed<T>(ref Reader);

    /// <inheritdoc />
    public T? NullableFixed<T>() where T : struct, IFixedPoint<T> => ConverterHelpers.NullableFixed<T>(ref Reader);

    /// <inheritdoc />
    public T Enum<T>() where T : struct, IWireEnum<T> => ConverterHelpers.Enum<T>(ref Reader);

    /// <inheritdoc />
    public T? NullableEnum<T>() where T : struct, IWireEnum<T> => ConverterHelpers.NullableEnum<T>(ref Reader);

    /// <inheritdoc />
    public string? String() => ConverterHelpers.String(ref Reader);

    /// <inheritdoc />
    public string? RepeatedString() => ConverterHelpers.RepeatedString(ref Reader);

    /// <inheritdoc />
    public DateOnly? NullableDate() => ConverterHelpers.NullableDate(ref Reader, options);

    /// <inheritdoc />
    public TimeOnly? NullableTime() => ConverterHelpers.NullableTime(ref Reader, options);

    /// <inheritdoc />
    public DateTime? NullableDateTime() => ConverterHelpers.NullableDateTime(ref Reader, options);
}
