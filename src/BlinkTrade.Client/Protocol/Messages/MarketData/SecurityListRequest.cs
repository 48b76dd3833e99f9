namespace BlinkTrade.Client.Protocol;

/// <summary><c>x</c> SecurityListRequest: lists instruments and currencies (PROTOCOL.md §2.4). Answered by <see cref="SecurityList"/>.</summary>
[MessageType(MessageTypes.SecurityListRequest)]
public sealed partial record SecurityListRequest : BlinkTradeMessage
{
    /// <summary>Correlation id.</summary>
    public long SecurityReqID { get; init; }

    /// <summary>Request type 0–4 (clients send 0).</summary>
    public int SecurityListRequestType { get; init; }

    /// <summary>Market, e.g. <c>BLINK</c> or <c>ALL</c>.</summary>
    public string? Market { get; init; }

    /// <summary>Sent by some clients (0).</summary>
    public int? SecurityRequestResult { get; init; }
}
