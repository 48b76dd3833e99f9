using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using static BlinkTrade.Client.Protocol.Serialization.ConverterHelpers;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Hand-written converter for <see cref="Heartbeat"/> (the most frequent frame): no boxed constructor arguments.
/// Same tolerance and byte-identical output as the source-generated path.
/// </summary>
internal sealed class HeartbeatJsonConverter : JsonConverter<Heartbeat>
{
    /// <summary>A JSON <c>null</c> where the object is expected is an error.</summary>
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override Heartbeat Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ExpectStartObject(ref reader, typeof(Heartbeat));
        string? testReqId = null;
        long? sendTime = null, serverTimestamp = null, clientTimestamp = null;
        var properties = new JsonPropertyCursor();
        while (properties.MoveNext(ref reader))
        {
            switch (properties.Name)
            {
                case "MsgType": reader.Skip(); break;
                case "TestReqID": testReqId = String(ref reader); break;
                case "SendTime": sendTime = NullableInt64(ref reader); break;
                case "ServerTimestamp": serverTimestamp = NullableInt64(ref reader); break;
                case "ClientTimestamp": clientTimestamp = NullableInt64(ref reader); break;
                default: properties.KeepUnknown(ref reader); break;
            }
        }
        return new Heartbeat
        {
            TestReqID = testReqId,
            SendTime = sendTime,
            ServerTimestamp = serverTimestamp,
            ClientTimestamp = clientTimestamp,
            ExtensionData = properties.Unknown,
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Heartbeat value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("MsgType"u8, value.MsgType);
        if (value.TestReqID is not null)
        {
            writer.WriteString("TestReqID"u8, value.TestReqID);
        }
        if (value.SendTime is { } sendTime)
        {
            writer.WriteNumber("SendTime"u8, sendTime);
        }
        if (value.ServerTimestamp is { } serverTimestamp)
        {
            writer.WriteNumber("ServerTimestamp"u8, serverTimestamp);
        }
        if (value.ClientTimestamp is { } clientTimestamp)
        {
            writer.WriteNumber("ClientTimestamp"u8, clientTimestamp);
        }
        WriteExtension(writer, value);
        writer.WriteEndObject();
    }
}
