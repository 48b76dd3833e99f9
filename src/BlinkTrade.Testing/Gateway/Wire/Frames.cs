using System.Buffers;
using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>Builds outbound frames (one JSON object, UTF-8) with a <see cref="Utf8JsonWriter"/>.</summary>
internal static class Frames
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Writes one message: <c>{"MsgType": msgType, …body…}</c>.</summary>
    public static byte[] Build(string msgType, Action<Utf8JsonWriter> body)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("MsgType", msgType);
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Echoes a request's correlation value unchanged (same JSON type).</summary>
    /// <remarks>
    /// <see cref="GatewayRequest.RequestId"/> is only set for values that can be written back (a lone surrogate is
    /// refused at parse time), and it is the frame's own JSON token, so this echo cannot throw.
    /// </remarks>
    public static void WriteRequestId(this Utf8JsonWriter writer, GatewayRequest request)
    {
        if (request.RequestIdField is { } field && request.RequestId is { } id)
        {
            writer.WritePropertyName(field);
            writer.WriteRawValue(id.Span, skipInputValidation: true);
        }
    }

    /// <summary>Writes a nullable string (JSON null when absent).</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>The wire date-time format "yyyy-MM-dd HH:mm:ss" (UTC).</summary>
    public static string FormatDateTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
