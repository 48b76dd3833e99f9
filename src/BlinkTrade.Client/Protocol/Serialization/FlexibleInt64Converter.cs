using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The protocol-wide converter for <see cref="long"/>: ids and counters arrive as numbers or numeric strings
/// (PROTOCOL.md §0.2: MarketDepth, OrderID, ClientID…), and engine-2015 writes some integers as floats.
/// Written as JSON numbers.
/// </summary>
internal sealed class FlexibleInt64Converter : JsonConverter<long>
{
    /// <inheritdoc />
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => WireNumbers.ReadInt64(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value);
}
