using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>
/// One inbound frame, checked once and decoded with the client's own codec: <see cref="Read{T}"/> hands a handler the
/// same typed record the SDK sends (<see cref="ProtocolSerializer"/>), and the validation step around it reports what
/// bitex's <c>pbt:msg</c> table reports — "Missing tag X", "Invalid value tag(X)=v" naming the wire field — as a
/// <see cref="GatewayException"/>, so every bad input becomes an ERROR, never an exception escaping the session.
/// </summary>
/// <remarks>
/// <para>
/// Parsing is one forward pass of a <see cref="Utf8JsonReader"/> (syntax, depth, MsgType) that also records where each
/// top-level field's value lies in the frame. That table answers what a typed record cannot: whether a field was sent
/// at all (a record's value type reads 0 when it is missing), its raw JSON type (ClOrdID must be a string, §5 G16), and
/// the correlation value echoed unchanged (string or number, PROTOCOL.md §1.2, <see cref="CorrelationTable"/>). Fields
/// a record does not model (e.g. <c>ClientID</c> of a cancel) are read through the same table. No
/// <see cref="JsonDocument"/> is built unless the PermissionList needs the whole tree (<see cref="Root"/>).
/// </para>
/// <para>Numbers are accepted as JSON numbers or numeric strings (clients differ, PROTOCOL.md §0.2).</para>
/// </remarks>
internal sealed class GatewayRequest : IDisposable
{
    /// <summary>The deepest nesting a frame may have (the parser refuses deeper ones as invalid JSON).</summary>
    public const int MaxDepth = 32;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    private readonly ReadOnlyMemory<byte> _frame;
    private FieldSpan[] _fields;
    private readonly int _fieldCount;
    private JsonDocument? _document;

    private GatewayRequest(ReadOnlyMemory<byte> frame, string msgType, FieldSpan[] fields, int fieldCount, string? unrepresentableField)
    {
        _frame = frame;
        _fields = fields;
        _fieldCount = fieldCount;
        MsgType = msgType;
        RequestIdField = CorrelationTable.RequestField(msgType);
        // A request id that cannot be written back is never echoed: its ERROR goes out without ReqID.
        if (RequestIdField is not null && RequestIdField != unrepresentableField && TryFind(RequestIdField, out var id) &&
            id.TokenType is JsonTokenType.String or JsonTokenType.Number)
        {
            RequestId = _frame.Slice(id.ValueStart, id.ValueLength);
        }
        if (unrepresentableField is not null)
        {
            Rejection = GatewayException.Unrepresentable(unrepresentableField);
        }
    }

    public string MsgType { get; }

    /// <summary>The name of the correlation field of this MsgType (PROTOCOL.md §1.2), when it has one.</summary>
    public string? RequestIdField { get; }

    /// <summary>The correlation value as sent (its raw JSON: string or number), echoed unchanged in replies and ERRORs.</summary>
    public ReadOnlyMemory<byte>? RequestId { get; }

    /// <summary>The correlation value as a standalone JSON element, for state kept beyond the request (a subscription's id).</summary>
    public JsonElement? RequestIdElement
    {
        get
        {
            if (RequestId is not { } id)
            {
                return null;
            }
            var reader = new Utf8JsonReader(id.Span, ReaderOptions);
            return JsonElement.ParseValue(ref reader);
        }
    }

    /// <summary>
    /// Why the frame is refused before any handler sees it (a field holds text that is no valid UTF-16); null when it
    /// may be dispatched. The request is still built so the ERROR can echo a request id that is itself valid.
    /// </summary>
    public GatewayException? Rejection { get; }

    /// <summary>The whole frame as a JSON tree, parsed on first use (PermissionList filters, §4.1).</summary>
    public JsonElement Root => (_document ??= JsonDocument.Parse(_frame, new JsonDocumentOptions { MaxDepth = MaxDepth })).RootElement;

    /// <summary>Parses one frame. Malformed JSON, a non-object or a missing MsgType throw a <see cref="GatewayException"/>.</summary>
    public static GatewayRequest Parse(ReadOnlyMemory<byte> frame)
    {
        var span = frame.Span;
        // JSON text is UTF-8 (RFC 8259 §8.1); the reader does not check every string's bytes, and text it cannot
        // transcode would only fail later, when a handler reads or echoes it.
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            throw new GatewayException(GatewayErrors.InvalidMessage, "Invalid UTF-8");
        }
        var fields = ArrayPool<FieldSpan>.Shared.Rent(16);
        try
        {
            var count = 0;
            string? msgType = null;
            var reader = new Utf8JsonReader(span, ReaderOptions);
            try
            {
                if (!reader.Read())
                {
                    throw new GatewayException(GatewayErrors.InvalidMessage, "Invalid JSON");
                }
                var isObject = reader.TokenType == JsonTokenType.StartObject;
                if (isObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var nameStart = (int)reader.TokenStartIndex + 1;
                        var nameLength = reader.ValueSpan.Length;
                        var escapedName = reader.ValueIsEscaped ? EscapedName(ref reader) : null;
                        var isMsgType = escapedName is null ? reader.ValueTextEquals("MsgType"u8) : escapedName == "MsgType";
                        reader.Read();
                        var tokenType = reader.TokenType;
                        var valueStart = (int)reader.TokenStartIndex;
                        if (isMsgType)
                        {
                            // Duplicate keys: the last one wins, as everywhere else (TryFind).
                            msgType = tokenType != JsonTokenType.String ? null
                                : reader.ValueIsEscaped ? Text("MsgType", ref reader) : MessageTypeText(reader.ValueSpan);
                        }
                        reader.Skip();
                        var valueEnd = (int)reader.BytesConsumed;
                        if (count == fields.Length)
                        {
                            var larger = ArrayPool<FieldSpan>.Shared.Rent(fields.Length * 2);
                            fields.AsSpan(0, count).CopyTo(larger);
                            ArrayPool<FieldSpan>.Shared.Return(fields, clearArray: true);
                            fields = larger;
                        }
                        fields[count++] = new FieldSpan(nameStart, nameLength, escapedName, tokenType, valueStart, valueEnd - valueStart);
                    }
                }
                else
                {
                    reader.Skip();
                }
                // Only whitespace may follow the value (anything else throws here).
                if (reader.Read())
                {
                    throw new GatewayException(GatewayErrors.InvalidMessage, "Invalid JSON");
                }
                if (!isObject)
                {
                    throw new GatewayException(GatewayErrors.InvalidMessage, "Message is not a JSON object");
                }
            }
            catch (JsonException)
            {
                throw new GatewayException(GatewayErrors.InvalidMessage, "Invalid JSON");
            }

            if (!Find(span, fields, count, "MsgType", out var type))
            {
                throw GatewayException.MissingTag("MsgType");
            }
            if (type.TokenType != JsonTokenType.String || msgType is null || msgType.Length == 0)
            {
                throw GatewayException.InvalidValue("MsgType", RawText(span, type));
            }
            return new GatewayRequest(frame, msgType, fields, count, WireText.FindUnrepresentableField(span));
        }
        catch
        {
            ArrayPool<FieldSpan>.Shared.Return(fields, clearArray: true);
            throw;
        }
    }

    /// <summary>
    /// Decodes the frame into its typed record with the client's serializer. A value the record cannot hold is
    /// reported as "Invalid value tag(X)=v" naming the top-level field where the serializer stopped; a JSON null
    /// counts as absent (left out of the decode; <see cref="Require"/> reports "Missing tag X" where it is needed).
    /// </summary>
    /// <param name="rawFields">
    /// Fields the handler reads through this request rather than the record (the correlation field always is: the
    /// exchange echoes any string or number, where the record types it). A value of theirs the record cannot hold is
    /// left out of the decode instead of refusing the frame.
    /// </param>
    public T Read<T>(params ReadOnlySpan<string> rawFields) where T : BlinkTradeMessage
    {
        var frame = _frame;
        List<string>? skipped = null;
        while (true)
        {
            // The MsgType is known (and the syntax checked): the serializer goes straight to the record's decoder.
            if (ProtocolSerializer.TryDeserialize(frame.Span, MsgType, out var message, out var error))
            {
                return message as T ?? throw new GatewayException(GatewayErrors.InvalidMessage, $"Invalid Message Type ({MsgType})");
            }
            var tag = TopLevelField((error?.InnerException as JsonException)?.Path);
            if (tag is null || !TryFind(tag, out var field) || skipped?.Contains(tag) == true)
            {
                throw new GatewayException(GatewayErrors.InvalidMessage, $"Invalid value in {MsgType}");
            }
            // A JSON null is an absent field (bitex): left out, so the handler's Require reports it if it is needed.
            if (tag != RequestIdField && !rawFields.Contains(tag) && field.TokenType != JsonTokenType.Null)
            {
                throw GatewayException.InvalidValue(tag, RawText(field));
            }
            (skipped ??= []).Add(tag);
            frame = Without(skipped);
        }
    }

    // The frame with some top-level fields left out (rare: only when a raw-read field does not fit the record).
    private byte[] Without(List<string> names)
    {
        var frame = _frame.Span;
        var output = new System.Buffers.ArrayBufferWriter<byte>(frame.Length);
        output.Write("{"u8);
        var first = true;
        for (var i = 0; i < _fieldCount; i++)
        {
            var field = _fields[i];
            var name = field.EscapedName ?? System.Text.Encoding.UTF8.GetString(frame.Slice(field.NameStart, field.NameLength));
            if (names.Contains(name))
            {
                continue;
            }
            if (!first)
            {
                output.Write(","u8);
            }
            first = false;
            // From the name's opening quote to the end of its value.
            output.Write(frame[(field.NameStart - 1)..(field.ValueStart + field.ValueLength)]);
        }
        output.Write("}"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>"Missing tag X" unless the field is present and not null.</summary>
    public void Require(string field)
    {
        if (!Has(field))
        {
            throw GatewayException.MissingTag(field);
        }
    }

    /// <summary>
    /// A record's list of strings as the exchange takes it: every item text (a record reads a JSON null item as null,
    /// which bitex refuses: "Invalid value tag(X)=[…]").
    /// </summary>
    public IReadOnlyList<string>? Items(IReadOnlyList<string>? list, string field)
    {
        if (list is not null && list.Contains(null!))
        {
            throw GatewayException.InvalidValue(field, TryFind(field, out var span) ? RawText(span) : "null");
        }
        return list;
    }

    /// <summary>Whether the field is a JSON string (not a number that a record would also take as text).</summary>
    public bool IsString(string field) => TryFind(field, out var value) && value.TokenType == JsonTokenType.String;

    /// <summary>Whether the field is present and not null.</summary>
    public bool Has(string field) => TryFind(field, out var value) && value.TokenType != JsonTokenType.Null;

    /// <summary>The field's value as a JSON element (objects, arrays), when present and not null.</summary>
    public bool TryGet(string field, out JsonElement value)
    {
        if (TryFind(field, out var span) && span.TokenType != JsonTokenType.Null)
        {
            var reader = new Utf8JsonReader(Value(span), ReaderOptions);
            value = JsonElement.ParseValue(ref reader);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The raw JSON of a field (null when absent), e.g. to echo it unchanged.</summary>
    public ReadOnlyMemory<byte>? GetRaw(string field)
        => TryFind(field, out var span) ? _frame.Slice(span.ValueStart, span.ValueLength) : (ReadOnlyMemory<byte>?)null;

    public string GetString(string field) => GetOptionalString(field) ?? throw GatewayException.MissingTag(field);

    public string? GetOptionalString(string field)
    {
        if (!TryFind(field, out var span) || span.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        return span.TokenType switch
        {
            JsonTokenType.String => StringValue(field, span),
            JsonTokenType.Number => RawText(span),
            _ => throw GatewayException.InvalidValue(field, RawText(span)),
        };
    }

    /// <summary>A field that must be a JSON string (ClOrdID is validated as a string by bitex, PROTOCOL.md §5 G16).</summary>
    public string? GetOptionalStrictString(string field)
    {
        if (!TryFind(field, out var span) || span.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        return span.TokenType == JsonTokenType.String ? StringValue(field, span) : throw GatewayException.InvalidValue(field, RawText(span));
    }

    public long GetInt64(string field) => GetOptionalInt64(field) ?? throw GatewayException.MissingTag(field);

    public long? GetOptionalInt64(string field)
    {
        if (!TryFind(field, out var span) || span.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        var reader = new Utf8JsonReader(Value(span), ReaderOptions);
        reader.Read();
        if (span.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var number))
            {
                return number;
            }
            if (reader.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
            {
                return (long)d;
            }
        }
        else if (span.TokenType == JsonTokenType.String && long.TryParse(StringValue(field, span), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        throw GatewayException.InvalidValue(field, RawText(span));
    }

    public int GetInt32(string field) => GetOptionalInt32(field) ?? throw GatewayException.MissingTag(field);

    public int? GetOptionalInt32(string field)
    {
        var value = GetOptionalInt64(field);
        if (value is null)
        {
            return null;
        }
        return value is >= int.MinValue and <= int.MaxValue ? (int)value.Value : throw GatewayException.InvalidValue(field, value.Value.ToString(CultureInfo.InvariantCulture));
    }

    public bool? GetOptionalBoolean(string field)
    {
        if (!TryFind(field, out var span) || span.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        return span.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number => RawText(span) switch
            {
                "0" => false,
                "1" => true,
                _ => throw GatewayException.InvalidValue(field, RawText(span)),
            },
            JsonTokenType.String => StringValue(field, span) switch
            {
                "1" or "true" => true,
                "0" or "false" => false,
                _ => throw GatewayException.InvalidValue(field, RawText(span)),
            },
            _ => throw GatewayException.InvalidValue(field, RawText(span)),
        };
    }

    /// <summary>An array of strings (numbers are taken as their text), e.g. <c>Instruments</c>, <c>StatusList</c>.</summary>
    public IReadOnlyList<string>? GetOptionalStringArray(string field)
    {
        if (!TryFind(field, out var span) || span.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (span.TokenType != JsonTokenType.StartArray)
        {
            throw GatewayException.InvalidValue(field, RawText(span));
        }
        var list = new List<string>();
        var reader = new Utf8JsonReader(Value(span), ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.TokenType switch
            {
                JsonTokenType.String => Text(field, ref reader),
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                _ => throw GatewayException.InvalidValue(field, RawText(span)),
            });
        }
        return list;
    }

    public void Dispose()
    {
        _document?.Dispose();
        var fields = Interlocked.Exchange(ref _fields, []);
        if (fields.Length > 0)
        {
            ArrayPool<FieldSpan>.Shared.Return(fields, clearArray: true);
        }
    }

    // The field's value as the frame has it; for text, the unescaped string, otherwise the JSON (e.g. an ERROR's value).
    private string RawText(FieldSpan span) => RawText(_frame.Span, span);

    private static string RawText(ReadOnlySpan<byte> frame, FieldSpan span)
    {
        var value = frame.Slice(span.ValueStart, span.ValueLength);
        if (span.TokenType == JsonTokenType.String)
        {
            var reader = new Utf8JsonReader(value, ReaderOptions);
            reader.Read();
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            }
        }
        return System.Text.Encoding.UTF8.GetString(value);
    }

    private string StringValue(string field, FieldSpan span)
    {
        var reader = new Utf8JsonReader(Value(span), ReaderOptions);
        reader.Read();
        return Text(field, ref reader);
    }

    private ReadOnlySpan<byte> Value(FieldSpan span) => _frame.Span.Slice(span.ValueStart, span.ValueLength);

    private bool TryFind(string field, out FieldSpan span) => Find(_frame.Span, _fields, _fieldCount, field, out span);

    // Duplicate keys: the last one wins, as in JsonElement.TryGetProperty.
    private static bool Find(ReadOnlySpan<byte> frame, FieldSpan[] fields, int count, string field, out FieldSpan span)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            var candidate = fields[i];
            if (candidate.EscapedName is { } name ? name == field : IsAscii(frame.Slice(candidate.NameStart, candidate.NameLength), field))
            {
                span = candidate;
                return true;
            }
        }
        span = default;
        return false;
    }

    private static bool IsAscii(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length != text.Length)
        {
            return false;
        }
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] != text[i])
            {
                return false;
            }
        }
        return true;
    }

    // "$.OrderQty", "$.Filter[2]", "$['Odd name'].x" → the top-level field the serializer stopped in.
    private static string? TopLevelField(string? path)
    {
        if (path is null || !path.StartsWith('$') || path.Length < 3)
        {
            return null;
        }
        if (path[1] == '.')
        {
            var end = path.AsSpan(2).IndexOfAny('.', '[');
            return end < 0 ? path[2..] : path.Substring(2, end);
        }
        if (path.StartsWith("$['", StringComparison.Ordinal))
        {
            var end = path.IndexOf("']", 3, StringComparison.Ordinal);
            return end < 0 ? null : path[3..end];
        }
        return null;
    }

    // A name with escapes, unescaped; one that is no valid UTF-16 keeps its escaped form (plain text, and the frame is
    // refused anyway: Rejection).
    private static string EscapedName(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    // MsgTypes of the catalogue are interned (no string per frame); anything else is read as text.
    private static string MessageTypeText(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[16];
        if (utf8.Length <= chars.Length && System.Text.Encoding.UTF8.TryGetChars(utf8, chars, out var written))
        {
            var text = chars[..written];
            return KnownMessageTypes.TryGetValue(text, out var known) ? known : new string(text);
        }
        return System.Text.Encoding.UTF8.GetString(utf8);
    }

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownMessageTypes =
        typeof(MessageTypes).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(t => t, t => t, StringComparer.Ordinal)
            .ToFrozenDictionary(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    // Every string read from a request goes through here: Parse already refused unrepresentable text, this keeps the
    // accessors safe on their own (GetString may hand back a lone surrogate that only fails when written out).
    private static string Text(string field, ref Utf8JsonReader reader)
    {
        string? text;
        try
        {
            text = reader.GetString();
        }
        catch (InvalidOperationException)
        {
            throw GatewayException.Unrepresentable(field);
        }
        return text is not null && !WireText.HasLoneSurrogate(text) ? text : throw GatewayException.Unrepresentable(field);
    }

    /// <summary>Where one top-level field lies in the frame.</summary>
    private readonly record struct FieldSpan(int NameStart, int NameLength, string? EscapedName, JsonTokenType TokenType, int ValueStart, int ValueLength);
}
