using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// The single entry point that turns frames into typed messages and back. Parsing makes one
/// <see cref="Utf8JsonReader"/> pass to find <c>MsgType</c>, then hands the frame to the source-generated
/// deserializer of that message. Serialization writes UTF-8 without reflection.
/// </summary>
/// <remarks>
/// Parsing never throws anything but <see cref="ProtocolException"/> (which carries the raw frame), and a frame with
/// an unknown MsgType becomes an <see cref="UnknownMessage"/>, so a receive loop can report bad input and go on.
/// </remarks>
public static class ProtocolSerializer
{
    // Longer MsgTypes than this are not in the catalogue; they are read as unknown types.
    private const int MaxKnownMsgTypeLength = 8;

    // Frames above this size do not keep their scratch buffer alive on the thread.
    private const int MaxRetainedScratchBytes = 64 * 1024;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    // Per-thread scratch for SerializeToUtf8Bytes: every request is serialized on its caller's thread, and a fresh
    // buffer that grows to fit would cost two or three arrays per frame besides the frame itself.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    /// <summary>Parses one frame.</summary>
    /// <param name="utf8Json">The frame (one JSON object, UTF-8).</param>
    /// <returns>The typed message, or an <see cref="UnknownMessage"/> for a MsgType this SDK does not model.</returns>
    /// <exception cref="ProtocolException">The frame is not a valid message.</exception>
    public static BlinkTradeMessage Deserialize(ReadOnlySpan<byte> utf8Json)
        => TryDeserialize(utf8Json, out var message, out var error) ? message : throw error;

    /// <summary>Parses one frame that must be of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected message type.</typeparam>
    /// <param name="utf8Json">The frame.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ProtocolException">The frame is not a valid message, or is of another type.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) where T : BlinkTradeMessage
    {
        var message = Deserialize(utf8Json);
        return message as T ?? throw new ProtocolException(ProtocolErrorKind.InvalidField,
            $"Expected a {typeof(T).Name} but the frame is a {message.GetType().Name} (MsgType '{message.MsgType}').",
            utf8Json.ToArray(), message.MsgType);
    }

    /// <summary>Parses one frame given as text.</summary>
    /// <param name="json">The frame.</param>
    /// <returns>The typed message, or an <see cref="UnknownMessage"/>.</returns>
    /// <exception cref="ProtocolException">The frame is not a valid message.</exception>
    public static BlinkTradeMessage Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses one frame without throwing.</summary>
    /// <param name="utf8Json">The frame.</param>
    /// <param name="message">The message when parsing succeeds.</param>
    /// <param name="error">Why parsing failed, with the raw frame.</param>
    /// <returns><see langword="true"/> when a message (possibly <see cref="UnknownMessage"/>) was read.</returns>
    public static bool TryDeserialize(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out BlinkTradeMessage? message, [NotNullWhen(false)] out ProtocolException? error)
    {
        if (TryReadHotFrame(utf8Json, out message))
        {
            error = null;
            return true;
        }
        error = null;
        Span<char> typeChars = stackalloc char[MaxKnownMsgTypeLength];
        int typeLength;
        string? longType = null;

        // Pass 1: find MsgType at the top level, skipping every other value.
        try
        {
            if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
            {
                error = Fail(ProtocolErrorKind.Empty, "The frame is empty.", utf8Json);
                return false;
            }
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read())
            {
                error = Fail(ProtocolErrorKind.Empty, "The frame is empty.", utf8Json);
                return false;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                error = Fail(ProtocolErrorKind.NotAnObject, $"A frame must be a JSON object, not {reader.TokenType}.", utf8Json);
                return false;
            }
            if (!MoveToMsgType(ref reader))
            {
                error = Fail(ProtocolErrorKind.MissingMsgType, "The frame has no MsgType.", utf8Json);
                return false;
            }
            if (reader.TokenType != JsonTokenType.String)
            {
                error = Fail(ProtocolErrorKind.MissingMsgType, $"MsgType must be a string, not {reader.TokenType}.", utf8Json);
                return false;
            }
            typeLength = CopyMsgType(ref reader, typeChars, out longType);
        }
        catch (JsonException e)
        {
            error = Fail(ProtocolErrorKind.MalformedJson, "The frame is not valid JSON: " + e.Message, utf8Json, null, e);
            return false;
        }
        catch (InvalidOperationException e)
        {
            error = Fail(ProtocolErrorKind.MalformedJson, "The frame is not valid JSON.", utf8Json, null, e);
            return false;
        }

        // Pass 2: the source-generated deserializer of that message type.
        ReadOnlySpan<char> msgType = longType is null ? typeChars[..typeLength] : longType.AsSpan();
        if (longType is not null || !MessageRegistry.TryGet(msgType, out var descriptor))
        {
            return TryReadUnknown(utf8Json, longType ?? new string(msgType), out message, out error);
        }
        return TryReadTyped(utf8Json, descriptor, out message, out error);
    }

    /// <summary>
    /// Parses one frame whose MsgType the caller has already read (the exchange's gateway validates a request's
    /// syntax and MsgType in its own pass), skipping the MsgType scan.
    /// </summary>
    /// <returns><see langword="false"/> with a null <paramref name="error"/> when the MsgType is not in the catalogue.</returns>
    internal static bool TryDeserialize(ReadOnlySpan<byte> utf8Json, string msgType, [NotNullWhen(true)] out BlinkTradeMessage? message, out ProtocolException? error)
    {
        if (!MessageRegistry.TryGet(msgType.AsSpan(), out var descriptor))
        {
            message = null;
            error = null;
            return false;
        }
        return TryReadTyped(utf8Json, descriptor, out message, out error);
    }

    private static bool TryReadTyped(ReadOnlySpan<byte> utf8Json, MessageDescriptor descriptor, [NotNullWhen(true)] out BlinkTradeMessage? message, [NotNullWhen(false)] out ProtocolException? error)
    {
        message = null;
        error = null;
        if (TryReadHot(utf8Json, descriptor.Type, descriptor.TypeInfo.Options, out message))
        {
            return true;
        }
        if (ReferenceEquals(descriptor.Type, typeof(NewOrderSingle)) && NewOrderSingleReader.TryRead(utf8Json, descriptor.TypeInfo.Options, out var order))
        {
            message = order;
            return true;
        }
        try
        {
            var parsed = descriptor.RowGroup is null
                ? JsonSerializer.Deserialize(utf8Json, descriptor.TypeInfo)
                : JsonSerializer.Deserialize(ColumnarLists.ToObjectRows(utf8Json, descriptor.RowGroup), descriptor.TypeInfo);
            message = (BlinkTradeMessage)parsed!;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException or NotSupportedException or InvalidCastException)
        {
            // Only on failure: a full syntax pass tells broken JSON from a well-formed frame with a bad field.
            var kind = IsWellFormedJson(utf8Json) ? ProtocolErrorKind.InvalidField : ProtocolErrorKind.MalformedJson;
            var path = (e as JsonException)?.Path;
            error = Fail(kind, $"Invalid {descriptor.Type.Name} (MsgType '{descriptor.MsgType}')" + (path is null ? ": " : $" at {path}: ") + e.Message, utf8Json, descriptor.MsgType, e);
            return false;
        }
    }

    // The hot frames' options (the protocol context's: what their descriptors carry).
    private static readonly JsonSerializerOptions HotOptions = ProtocolJsonContext.Default.Options;

    // The receive loop's hot frames as the exchange writes them, MsgType first: an X, W or 8 goes straight to its reader,
    // without the MsgType pass and the registry lookup. Anything else, or any failure, takes the general path.
    private static bool TryReadHotFrame(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out BlinkTradeMessage? message)
    {
        if (utf8Json.StartsWith("{\"MsgType\":\"X\","u8))
        {
            return TryReadDirect<MarketDataIncrementalRefreshJsonConverter, MarketDataIncrementalRefresh>(utf8Json, HotOptions, out message);
        }
        if (utf8Json.StartsWith("{\"MsgType\":\"8\","u8))
        {
            return TryReadDirect<ExecutionReportJsonConverter, ExecutionReport>(utf8Json, HotOptions, out message);
        }
        if (utf8Json.StartsWith("{\"MsgType\":\"W\","u8))
        {
            return TryReadDirect<MarketDataFullRefreshReader, MarketDataFullRefresh>(utf8Json, HotOptions, out message);
        }
        message = null;
        return false;
    }

    // A hot frame found by the MsgType pass (its MsgType not first, or the frame not compact).
    private static bool TryReadHot(ReadOnlySpan<byte> utf8Json, Type type, JsonSerializerOptions options, [NotNullWhen(true)] out BlinkTradeMessage? message)
    {
        if (ReferenceEquals(type, typeof(MarketDataIncrementalRefresh)))
        {
            return TryReadDirect<MarketDataIncrementalRefreshJsonConverter, MarketDataIncrementalRefresh>(utf8Json, options, out message);
        }
        if (ReferenceEquals(type, typeof(ExecutionReport)))
        {
            return TryReadDirect<ExecutionReportJsonConverter, ExecutionReport>(utf8Json, options, out message);
        }
        if (ReferenceEquals(type, typeof(MarketDataFullRefresh)))
        {
            return TryReadDirect<MarketDataFullRefreshReader, MarketDataFullRefresh>(utf8Json, options, out message);
        }
        message = null;
        return false;
    }

    // The hot path: a hand-written reader called directly, without the serializer's top-level machinery (read state,
    // converter resolution), first over the compact form the exchange writes (CompactJsonSource), then, when the frame is
    // not in that form, over a Utf8JsonReader with the protocol's full tolerance. Any failure of that second read returns
    // false and the frame goes through the serializer, which reports the error exactly as before (message, path).
    private static bool TryReadDirect<TReader, TMessage>(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options, [NotNullWhen(true)] out BlinkTradeMessage? message)
        where TReader : IWireObjectReader<TMessage>
        where TMessage : BlinkTradeMessage
    {
        message = null;
        try
        {
            var compact = new CompactJsonSource(utf8Json);
            var fast = TReader.Read(ref compact);
            if (compact.AtEnd())
            {
                message = fast;
                return true;
            }
            var source = new JsonReaderSource(new Utf8JsonReader(utf8Json, new JsonReaderOptions
            {
                MaxDepth = options.MaxDepth,
                CommentHandling = options.ReadCommentHandling,
                AllowTrailingCommas = options.AllowTrailingCommas,
            }), options);
            if (!source.Reader.Read())
            {
                return false;
            }
            var value = TReader.Read(ref source);
            // Only whitespace may follow the object (anything else throws here, as it does in the serializer).
            if (source.Reader.Read())
            {
                return false;
            }
            message = value;
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException or NotSupportedException or InvalidCastException)
        {
            return false;
        }
    }

    /// <summary>Reads only the MsgType of a frame (one forward pass, no allocation for known types).</summary>
    /// <param name="utf8Json">The frame.</param>
    /// <param name="msgType">The MsgType when found.</param>
    /// <returns><see langword="true"/> when the frame is an object with a string MsgType.</returns>
    public static bool TryReadMsgType(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out string? msgType)
    {
        msgType = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            if (!MoveToMsgType(ref reader) || reader.TokenType != JsonTokenType.String)
            {
                return false;
            }
            Span<char> chars = stackalloc char[MaxKnownMsgTypeLength];
            var length = CopyMsgType(ref reader, chars, out var longType);
            msgType = longType ?? (MessageRegistry.TryGet(chars[..length], out var descriptor) ? descriptor.MsgType : new string(chars[..length]));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in the MsgType value (CopyString/GetString transcode it).
            msgType = null;
            return false;
        }
    }

    /// <summary>
    /// Moves the reader, on a frame's start, to the value of its top-level <c>MsgType</c>, skipping every other value.
    /// </summary>
    /// <returns><see langword="false"/> when the object has no <c>MsgType</c>.</returns>
    private static bool MoveToMsgType(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMsgType = reader.ValueTextEquals("MsgType"u8);
            reader.Read();
            if (isMsgType)
            {
                return true;
            }
            reader.Skip();
        }
        return false;
    }

    /// <summary>
    /// Copies the MsgType string the reader is on into <paramref name="chars"/> (no allocation); one longer than any known
    /// type (so never a known one) is returned in <paramref name="longType"/> instead.
    /// </summary>
    /// <returns>The number of characters copied, or the length of <paramref name="longType"/>.</returns>
    private static int CopyMsgType(ref Utf8JsonReader reader, scoped Span<char> chars, out string? longType)
    {
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength <= MaxKnownMsgTypeLength)
        {
            longType = null;
            return reader.CopyString(chars);
        }
        longType = reader.GetString()!;
        return longType.Length;
    }

    /// <summary>Writes a message as UTF-8 JSON.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="ArgumentException">The message type is not part of the protocol catalogue.</exception>
    public static void Serialize(IBufferWriter<byte> destination, BlinkTradeMessage message)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(message);
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(destination, new JsonWriterOptions { SkipValidation = false });
        }
        else
        {
            writer.Reset(destination);
        }
        try
        {
            Write(writer, message);
            writer.Flush();
        }
        finally
        {
            writer.Reset(NullBufferWriter.Instance);
        }
    }

    /// <summary>Serializes a message to a new UTF-8 byte array.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The frame.</returns>
    public static byte[] SerializeToUtf8Bytes(BlinkTradeMessage message)
    {
        var buffer = t_scratch ?? new ArrayBufferWriter<byte>(1024);
        t_scratch = null; // not shared with a nested call, should a converter ever serialize a frame itself
        buffer.ResetWrittenCount();
        Serialize(buffer, message);
        var frame = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity <= MaxRetainedScratchBytes)
        {
            t_scratch = buffer;
        }
        return frame;
    }

    /// <summary>Serializes a message to a JSON string.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The frame as text.</returns>
    public static string SerializeToString(BlinkTradeMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Serialize(buffer, message);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, BlinkTradeMessage message)
    {
        if (message is UnknownMessage unknown)
        {
            unknown.Raw.WriteTo(writer);
            return;
        }
        if (!MessageRegistry.TryGet(message.GetType(), out var descriptor))
        {
            throw new ArgumentException($"{message.GetType().Name} is not a protocol message this serializer knows.", nameof(message));
        }
        if (descriptor.RowGroup is null)
        {
            JsonSerializer.Serialize(writer, message, descriptor.TypeInfo);
            return;
        }
        ColumnarLists.Write(writer, message, descriptor.TypeInfo, descriptor.RowGroup);
    }

    private static bool TryReadUnknown(ReadOnlySpan<byte> utf8Json, string msgType, [NotNullWhen(true)] out BlinkTradeMessage? message, [NotNullWhen(false)] out ProtocolException? error)
    {
        try
        {
            var raw = JsonSerializer.Deserialize(utf8Json, ProtocolJsonContext.Default.JsonElement);
            message = new UnknownMessage(msgType, raw);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            message = null;
            error = Fail(ProtocolErrorKind.MalformedJson, "The frame is not valid JSON: " + e.Message, utf8Json, msgType, e);
            return false;
        }
    }

    private static bool IsWellFormedJson(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ProtocolException Fail(ProtocolErrorKind kind, string description, ReadOnlySpan<byte> frame, string? msgType = null, Exception? inner = null)
        => new(kind, description, frame.ToArray(), msgType, inner);

    /// <summary>Parks the cached writer between uses so it never holds on to a caller's buffer.</summary>
    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count)
        {
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Array.Empty<byte>();

        public Span<byte> GetSpan(int sizeHint = 0) => Span<byte>.Empty;
    }
}
