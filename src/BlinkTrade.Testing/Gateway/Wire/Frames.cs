using System.Buffers;
using System.Text.Json;

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

    /// <summary>
    /// The ERROR message (PROTOCOL.md §1.3): Description, Detail and, when known, ReqID. It cannot fail: the text is
    /// made writable, and a request id that cannot be written back is left out rather than losing the ERROR.
    /// </summary>
    public static byte[] Error(string description, string detail, JsonElement? requestId)
    {
        description = WireText.Sanitize(description);
        detail = WireText.Sanitize(detail);
        if (requestId is { } id && TryBuild("ERROR", w =>
            {
                WriteErrorText(w, description, detail);
                w.WritePropertyName("ReqID");
                id.WriteTo(w);
            }) is { } withId)
        {
            return withId;
        }
        return Build("ERROR", w => WriteErrorText(w, description, detail));
    }

    /// <summary>Echoes a request's correlation value unchanged (same JSON type).</summary>
    /// <remarks>
    /// <see cref="InboundMessage.RequestId"/> is only set for values that can be written back (a lone surrogate is
    /// refused at parse time), so this echo cannot throw.
    /// </remarks>
    public static void WriteRequestId(this Utf8JsonWriter writer, InboundMessage request)
    {
        if (request.RequestIdField is { } field && request.RequestId is { } id)
        {
            writer.WritePropertyName(field);
            id.WriteTo(writer);
        }
    }

    private static void WriteErrorText(Utf8JsonWriter w, string description, string detail)
    {
        w.WriteString("Description", description);
        w.WriteString("Detail", detail);
    }

    // The writer fails on text System.Text.Json cannot transcode; the ERROR path then retries with less.
    private static byte[]? TryBuild(string msgType, Action<Utf8JsonWriter> body)
    {
        try
        {
            return Build(msgType, body);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Copies a field of the request unchanged when present.</summary>
    public static void CopyField(this Utf8JsonWriter writer, InboundMessage request, string field)
    {
        if (request.Root.TryGetProperty(field, out var value))
        {
            writer.WritePropertyName(field);
            value.WriteTo(writer);
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
