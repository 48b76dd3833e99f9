using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Reads and writes a 1e8-scaled wire value as a JSON integer. Tolerates what real servers send: numeric strings
/// (<c>"5000"</c>) and integral floats (<c>66563000000.0</c>, engine-2015's U5 <c>Volume</c>).
/// </summary>
/// <typeparam name="T">The fixed-point type.</typeparam>
internal sealed class FixedPointJsonConverter<T> : JsonConverter<T> where T : struct, IFixedPoint<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => T.FromSatoshis(WireNumbers.ReadInt64(ref reader));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value.Satoshis);
}
