using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>
/// A subscription's request id (MDReqID, SecurityStatusReqID) as the client sent it — a number or a string
/// (PROTOCOL.md §1.2) — echoed in every publication of the subscription.
/// </summary>
/// <remarks>
/// The records hold the id as a number, which is what the SDK sends: such an id goes straight into the record and the
/// frame is the serializer's output. Any other id (a string, a number the record cannot hold as written) is put back
/// in place of the record's value by <see cref="FrameEncoder"/>.
/// </remarks>
internal sealed class EchoedId
{
    public EchoedId(JsonElement id)
    {
        var buffer = new ArrayBufferWriter<byte>(16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            id.WriteTo(writer);
        }
        Raw = buffer.WrittenSpan.ToArray();
        if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var number) &&
            id.GetRawText() == number.ToString(CultureInfo.InvariantCulture))
        {
            Number = number;
        }
    }

    /// <summary>The id when the record can carry it exactly as sent.</summary>
    public long? Number { get; }

    /// <summary>The id's JSON.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>The frame of <paramref name="message"/>, whose <paramref name="field"/> holds <see cref="Number"/> (or 0).</summary>
    public byte[] Encode(BlinkTradeMessage message, string field)
        => Number is null ? FrameEncoder.Encode(message, field, Raw) : FrameEncoder.Encode(message);
}
