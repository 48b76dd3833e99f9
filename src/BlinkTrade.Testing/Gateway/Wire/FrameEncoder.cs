using System.Buffers;
using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>
/// Encodes replies and publications from the SDK's typed records with the client's own serializer
/// (<see cref="ProtocolSerializer"/>), so both sides write the protocol with one codec.
/// </summary>
/// <remarks>
/// A reply echoes its request's correlation value unchanged (PROTOCOL.md §1.2: string or number, as sent), which a
/// record's typed id cannot always hold: the encoder writes the record, then puts the request's own JSON for that
/// field (and any other echoed field, e.g. a heartbeat's <c>SendTime</c>) in place of the record's value. Frames are
/// written into a per-thread buffer and copied out once.
/// </remarks>
internal static class FrameEncoder
{
    // Frames above this size do not keep their scratch buffers alive on the thread.
    private const int MaxRetainedBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_record;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_spliced;

    /// <summary>
    /// The ERROR message (PROTOCOL.md §1.3): Description, Detail and, when known, ReqID. It cannot fail: the text is
    /// made writable, and a request id that cannot be written back is left out rather than losing the ERROR.
    /// </summary>
    public static byte[] Error(string description, string detail, ReadOnlyMemory<byte>? requestId)
        => Encode(new ErrorMessage { Description = WireText.Sanitize(description), Detail = WireText.Sanitize(detail) }, "ReqID", requestId);

    /// <summary>The frame of <paramref name="message"/>, echoing <paramref name="request"/>'s correlation value and <paramref name="echoFields"/>.</summary>
    public static byte[] Encode(BlinkTradeMessage message, GatewayRequest? request = null, params ReadOnlySpan<string> echoFields)
        => Encode(message, request?.RequestIdField, request?.RequestId, request, echoFields);

    /// <summary>The frame of <paramref name="message"/> with <paramref name="idField"/> set to the JSON <paramref name="id"/> (left out when null).</summary>
    public static byte[] Encode(BlinkTradeMessage message, string? idField, ReadOnlyMemory<byte>? id, GatewayRequest? request = null, params ReadOnlySpan<string> echoFields)
    {
        var record = Rent(ref t_record);
        ProtocolSerializer.Serialize(record, message);
        if (idField is null || id is null)
        {
            idField = null;
            if (request is null || echoFields.IsEmpty)
            {
                return Return(ref t_record, record);
            }
        }
        if (TryAppend(record.WrittenSpan, request, idField, id, echoFields) is { } appended)
        {
            Release(ref t_record, record);
            return appended;
        }
        var spliced = Rent(ref t_spliced);
        if (!TryReplace(record.WrittenSpan, spliced, request, idField, id, echoFields))
        {
            spliced.ResetWrittenCount();
            Splice(record.WrittenSpan, spliced, request, idField, id, echoFields);
        }
        Release(ref t_record, record);
        return Return(ref t_spliced, spliced);
    }

    // The common case: the record wrote none of the echoed fields (its id is null, as built by a handler), so they are
    // appended in place of the closing brace, straight into the frame (no second buffer or pass). A name found anywhere
    // in the record (even inside a value) takes the general path.
    private static byte[]? TryAppend(ReadOnlySpan<byte> record, GatewayRequest? request, string? idField, ReadOnlyMemory<byte>? id, ReadOnlySpan<string> echoFields)
    {
        if (record.Length < 2 || record[^1] != (byte)'}')
        {
            return null;
        }
        var length = record.Length;
        if (idField is not null)
        {
            if (Mentions(record, idField))
            {
                return null;
            }
            length += EchoLength(idField, id);
        }
        foreach (var field in echoFields)
        {
            if (Mentions(record, field))
            {
                return null;
            }
            length += EchoLength(field, request?.GetRaw(field));
        }
        var frame = new byte[length];
        var position = record.Length - 1;
        record[..position].CopyTo(frame);
        var first = position == 1; // the record was "{}"
        if (idField is not null)
        {
            Echo(frame, ref position, ref first, idField, id);
        }
        foreach (var field in echoFields)
        {
            Echo(frame, ref position, ref first, field, request?.GetRaw(field));
        }
        frame[position++] = (byte)'}';
        // Every record writes its MsgType, so "{}" (one separator fewer than counted) does not occur; stay exact anyway.
        return position == frame.Length ? frame : frame[..position];
    }

    // ,"name":value
    private static int EchoLength(string field, ReadOnlyMemory<byte>? raw) => raw is { } value ? field.Length + 4 + value.Length : 0;

    private static void Echo(byte[] frame, ref int position, ref bool first, string field, ReadOnlyMemory<byte>? raw)
    {
        if (raw is not { } value)
        {
            return;
        }
        if (!first)
        {
            frame[position++] = (byte)',';
        }
        first = false;
        frame[position++] = (byte)'"';
        for (var i = 0; i < field.Length; i++)
        {
            frame[position++] = (byte)field[i]; // field names are ASCII
        }
        frame[position++] = (byte)'"';
        frame[position++] = (byte)':';
        value.Span.CopyTo(frame.AsSpan(position));
        position += value.Length;
    }

    private static bool Mentions(ReadOnlySpan<byte> frame, string field)
    {
        Span<byte> quoted = stackalloc byte[field.Length + 2];
        quoted[0] = (byte)'"';
        quoted[^1] = (byte)'"';
        for (var i = 0; i < field.Length; i++)
        {
            quoted[i + 1] = (byte)field[i]; // field names are ASCII
        }
        return frame.IndexOf(quoted) >= 0;
    }

    // A record whose type always writes an echoed field (a list's numeric id): the request's value takes the place of the
    // record's, in the record's own order. The top-level scan stops at the last echoed field, so a long list after its
    // header is copied as it is. Declines (the general path then) when a field the record wrote is absent in the request.
    private static bool TryReplace(ReadOnlySpan<byte> record, ArrayBufferWriter<byte> output, GatewayRequest? request, string? idField, ReadOnlyMemory<byte>? id, ReadOnlySpan<string> echoFields)
    {
        var count = (idField is null ? 0 : 1) + echoFields.Length;
        Span<int> starts = stackalloc int[count];
        Span<int> ends = stackalloc int[count];
        starts.Fill(-1);
        var reader = new Utf8JsonReader(record);
        reader.Read();
        var remaining = count;
        while (remaining > 0 && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = idField is not null && reader.ValueTextEquals(idField) ? 0 : IndexOf(ref reader, echoFields, idField is null ? 0 : 1);
            var start = (int)reader.TokenStartIndex;
            reader.Read();
            reader.Skip();
            if (index >= 0 && starts[index] < 0)
            {
                if (Raw(index, request, idField, id, echoFields) is null)
                {
                    return false;
                }
                starts[index] = start;
                ends[index] = (int)reader.BytesConsumed;
                remaining--;
            }
        }
        var position = 0;
        var body = record[..^1]; // up to the closing brace
        for (var written = 0; written < count - remaining; written++)
        {
            var next = -1;
            for (var i = 0; i < count; i++)
            {
                if (starts[i] >= position && (next < 0 || starts[i] < starts[next]))
                {
                    next = i;
                }
            }
            output.Write(body[position..starts[next]]);
            var first = true;
            Echo(output, ref first, Name(next, idField, echoFields), Raw(next, request, idField, id, echoFields));
            position = ends[next];
        }
        output.Write(body[position..]);
        var nothingBefore = body.Length <= 1;
        for (var i = 0; i < count; i++)
        {
            if (starts[i] < 0)
            {
                Echo(output, ref nothingBefore, Name(i, idField, echoFields), Raw(i, request, idField, id, echoFields));
            }
        }
        output.Write("}"u8);
        return true;
    }

    private static int IndexOf(ref Utf8JsonReader reader, ReadOnlySpan<string> names, int offset)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i + offset;
            }
        }
        return -1;
    }

    private static string Name(int index, string? idField, ReadOnlySpan<string> echoFields)
        => idField is null ? echoFields[index] : index == 0 ? idField : echoFields[index - 1];

    private static ReadOnlyMemory<byte>? Raw(int index, GatewayRequest? request, string? idField, ReadOnlyMemory<byte>? id, ReadOnlySpan<string> echoFields)
        => idField is null ? request?.GetRaw(echoFields[index]) : index == 0 ? id : request?.GetRaw(echoFields[index - 1]);

    // Copies the record's object, leaving out the fields that are echoed, then writes each echoed field as the request
    // had it (absent in the request: absent in the reply).
    private static void Splice(ReadOnlySpan<byte> record, ArrayBufferWriter<byte> output, GatewayRequest? request, string? idField, ReadOnlyMemory<byte>? id, ReadOnlySpan<string> echoFields)
    {
        var reader = new Utf8JsonReader(record);
        reader.Read();
        output.Write("{"u8);
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var start = (int)reader.TokenStartIndex;
            var echoed = (idField is not null && reader.ValueTextEquals(idField)) || IsAny(ref reader, echoFields);
            reader.Read();
            reader.Skip();
            if (!echoed)
            {
                Separate(output, ref first);
                output.Write(record[start..(int)reader.BytesConsumed]);
            }
        }
        if (idField is not null)
        {
            Echo(output, ref first, idField, id);
        }
        foreach (var field in echoFields)
        {
            Echo(output, ref first, field, request?.GetRaw(field));
        }
        output.Write("}"u8);
    }

    private static void Echo(ArrayBufferWriter<byte> output, ref bool first, string field, ReadOnlyMemory<byte>? raw)
    {
        if (raw is not { } value)
        {
            return;
        }
        Separate(output, ref first);
        output.Write("\""u8);
        Encoding.UTF8.GetBytes(field.AsSpan(), output);
        output.Write("\":"u8);
        output.Write(value.Span);
    }

    private static bool IsAny(ref Utf8JsonReader reader, ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }
        return false;
    }

    private static void Separate(ArrayBufferWriter<byte> output, ref bool first)
    {
        if (!first)
        {
            output.Write(","u8);
        }
        first = false;
    }

    private static ArrayBufferWriter<byte> Rent(ref ArrayBufferWriter<byte>? slot)
    {
        var buffer = slot ?? new ArrayBufferWriter<byte>(1024);
        slot = null; // not shared with a nested call
        buffer.ResetWrittenCount();
        return buffer;
    }

    private static byte[] Return(ref ArrayBufferWriter<byte>? slot, ArrayBufferWriter<byte> buffer)
    {
        var frame = buffer.WrittenSpan.ToArray();
        Release(ref slot, buffer);
        return frame;
    }

    private static void Release(ref ArrayBufferWriter<byte>? slot, ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxRetainedBytes)
        {
            slot = buffer;
        }
    }
}
