using System.Globalization;
using System.Text.Json;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>
/// One parsed inbound frame: the JSON object, its MsgType and the request's correlation value. Field accessors
/// validate as bitex's <c>pbt:msg</c> table does and throw <see cref="GatewayException"/> ("Missing tag X",
/// "Invalid value tag(X)=v") so every bad input becomes an ERROR, never an exception escaping the session.
/// </summary>
/// <remarks>Numbers are accepted as JSON numbers or numeric strings (clients differ, PROTOCOL.md §0.2).</remarks>
internal sealed class InboundMessage : IDisposable
{
    /// <summary>The deepest nesting a frame may have (the parser refuses deeper ones as invalid JSON).</summary>
    public const int MaxDepth = 32;

    private readonly JsonDocument _document;

    private InboundMessage(JsonDocument document, string msgType, string? unrepresentableField)
    {
        _document = document;
        MsgType = msgType;
        RequestIdField = RequestIds.FieldFor(msgType);
        // A request id that cannot be written back is never echoed: its ERROR goes out without ReqID.
        if (RequestIdField is not null && RequestIdField != unrepresentableField && Root.TryGetProperty(RequestIdField, out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            RequestId = id.Clone();
        }
        if (unrepresentableField is not null)
        {
            Rejection = GatewayException.Unrepresentable(unrepresentableField);
        }
    }

    public JsonElement Root => _document.RootElement;

    public string MsgType { get; }

    /// <summary>The name of the correlation field of this MsgType (PROTOCOL.md §1.2), when it has one.</summary>
    public string? RequestIdField { get; }

    /// <summary>The correlation value as sent (string or number), echoed unchanged in replies and ERRORs.</summary>
    public JsonElement? RequestId { get; }

    /// <summary>
    /// Why the frame is refused before any handler sees it (a field holds text that is no valid UTF-16); null when it
    /// may be dispatched. The message is still built so the ERROR can echo a request id that is itself valid.
    /// </summary>
    public GatewayException? Rejection { get; }

    /// <summary>Parses one frame. Malformed JSON, a non-object or a missing MsgType throw a closing <see cref="GatewayException"/>.</summary>
    public static InboundMessage Parse(ReadOnlyMemory<byte> frame)
    {
        // JSON text is UTF-8 (RFC 8259 §8.1); the parser does not check every string's bytes, and text it cannot
        // transcode would only fail later, when a handler reads or echoes it.
        if (!System.Text.Unicode.Utf8.IsValid(frame.Span))
        {
            throw new GatewayException(GatewayErrors.InvalidMessage, "Invalid UTF-8");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            throw new GatewayException(GatewayErrors.InvalidMessage, "Invalid JSON");
        }

        try
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new GatewayException(GatewayErrors.InvalidMessage, "Message is not a JSON object");
            }
            if (!document.RootElement.TryGetProperty("MsgType", out var type))
            {
                throw GatewayException.MissingTag("MsgType");
            }
            if (type.ValueKind != JsonValueKind.String)
            {
                throw GatewayException.InvalidValue("MsgType", type.GetRawText());
            }
            var msgType = Text("MsgType", type);
            if (msgType.Length == 0)
            {
                throw GatewayException.InvalidValue("MsgType", type.GetRawText());
            }
            return new InboundMessage(document, msgType, WireText.FindUnrepresentableField(frame.Span));
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public bool Has(string field) => Root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;

    public bool TryGet(string field, out JsonElement value)
    {
        if (Root.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        value = default;
        return false;
    }

    public string GetString(string field) => GetOptionalString(field) ?? throw GatewayException.MissingTag(field);

    public string? GetOptionalString(string field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => Text(field, value),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw GatewayException.InvalidValue(field, value.GetRawText()),
        };
    }

    /// <summary>A field that must be a JSON string (ClOrdID is validated as a string by bitex, PROTOCOL.md §5 G16).</summary>
    public string? GetOptionalStrictString(string field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? Text(field, value) : throw GatewayException.InvalidValue(field, value.GetRawText());
    }

    public long GetInt64(string field) => GetOptionalInt64(field) ?? throw GatewayException.MissingTag(field);

    public long? GetOptionalInt64(string field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt64(out var number))
            {
                return number;
            }
            if (value.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue)
            {
                return (long)d;
            }
        }
        else if (value.ValueKind == JsonValueKind.String && long.TryParse(Text(field, value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }
        throw GatewayException.InvalidValue(field, value.GetRawText());
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
        if (!TryGet(field, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
            JsonValueKind.String when Text(field, value) is "0" or "1" or "true" or "false" => Text(field, value) is "1" or "true",
            _ => throw GatewayException.InvalidValue(field, value.GetRawText()),
        };
    }

    /// <summary>An array of strings (numbers are taken as their text), e.g. <c>Instruments</c>, <c>StatusList</c>.</summary>
    public IReadOnlyList<string>? GetOptionalStringArray(string field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw GatewayException.InvalidValue(field, value.GetRawText());
        }
        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind switch
            {
                JsonValueKind.String => Text(field, item),
                JsonValueKind.Number => item.GetRawText(),
                _ => throw GatewayException.InvalidValue(field, value.GetRawText()),
            });
        }
        return list;
    }

    public void Dispose() => _document.Dispose();

    // Every string read from a request goes through here: Parse already refused unrepresentable text, this keeps the
    // accessors safe on their own (GetString may hand back a lone surrogate that only fails when written out).
    private static string Text(string field, JsonElement value)
    {
        string? text;
        try
        {
            text = value.GetString();
        }
        catch (InvalidOperationException)
        {
            throw GatewayException.Unrepresentable(field);
        }
        return text is not null && !WireText.HasLoneSurrogate(text) ? text : throw GatewayException.Unrepresentable(field);
    }
}
