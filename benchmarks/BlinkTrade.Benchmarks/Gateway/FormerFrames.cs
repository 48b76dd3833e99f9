using System.Buffers;
using System.Text.Json;

namespace BlinkTrade.Benchmarks;

/// <summary>
/// The gateway's former hand-written frame builder (<c>Frames.Build</c>, before the gateway wrote its replies and
/// publications from the SDK's records), kept as the baseline the record path is compared with in one run.
/// </summary>
internal static class FormerFrames
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>MsgType, the body, one pooled buffer, one copy out.</summary>
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
}
