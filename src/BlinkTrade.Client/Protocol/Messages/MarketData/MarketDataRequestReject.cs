namespace BlinkTrade.Client.Protocol;

/// <summary><c>Y</c> MarketDataRequestReject: a <see cref="MarketDataRequest"/> was refused (PROTOCOL.md §5 G31).</summary>
[MessageType(MessageTypes.MarketDataRequestReject)]
public sealed partial record MarketDataRequestReject : BlinkTradeMessage
{
    /// <summary>The refused subscription id.</summary>
    public long MDReqID { get; init; }

    /// <summary>Why (2016+ / reference exchange).</summary>
    public MarketDataRequestRejectReason? MDReqRejReason { get; init; }

    /// <summary>Readable explanation.</summary>
    public string? Text { get; init; }
}
