using System.Text.Json;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// A well-formed frame whose <c>MsgType</c> this SDK does not model (a newer server, or a back-office message).
/// The whole frame is kept in <see cref="Raw"/> so a stream can report it and go on.
/// </summary>
public sealed record UnknownMessage : BlinkTradeMessage
{
    private readonly string _msgType;

    /// <summary>Creates an unknown message from its type and raw JSON object.</summary>
    /// <param name="msgType">The wire MsgType.</param>
    /// <param name="raw">The whole frame (a JSON object).</param>
    public UnknownMessage(string msgType, JsonElement raw)
    {
        _msgType = msgType ?? throw new ArgumentNullException(nameof(msgType));
        Raw = raw;
    }

    /// <inheritdoc />
    public override string MsgType => _msgType;

    /// <summary>The whole frame.</summary>
    public JsonElement Raw { get; }

    /// <summary>Reads a field of the raw frame as text (e.g. a request id), when present.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The field's value as text, or <see langword="null"/>.</returns>
    public string? GetField(string name)
        => Raw.ValueKind == JsonValueKind.Object && Raw.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
