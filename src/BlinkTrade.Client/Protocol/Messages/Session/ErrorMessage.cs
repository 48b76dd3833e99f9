namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>ERROR</c>: the server could not process a message (invalid JSON, unknown MsgType, missing or ill-typed field,
/// not authorized, rate limit…). <see cref="ReqID"/> carries the failed request's correlation id when known.
/// </summary>
[MessageType(MessageTypes.Error)]
public sealed partial record ErrorMessage : BlinkTradeMessage
{
    /// <summary>Short description, e.g. <c>"Not authorized"</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Details, e.g. the offending field.</summary>
    public string? Detail { get; init; }

    /// <summary>The failed request's correlation id (string or number on the wire), when known.</summary>
    public string? ReqID { get; init; }
}
