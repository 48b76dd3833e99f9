using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The one reading and writing behind the protocol-wide integer converters (<see cref="FlexibleInt32Converter"/>,
/// <see cref="FlexibleInt64Converter"/>): tolerant reading (numbers, numeric strings, integral floats; see
/// <see cref="WireNumbers.ReadInteger{T}"/>), written as a JSON number.
/// </summary>
/// <typeparam name="T">The integer type; at most 64 bits wide.</typeparam>
internal abstract class FlexibleIntegerConverter<T> : JsonConverter<T>
    where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => WireNumbers.ReadInteger<T>(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteNumberValue(long.CreateTruncating(value));
}
