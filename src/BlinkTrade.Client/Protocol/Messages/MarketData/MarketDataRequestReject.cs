namespace BlinkTrade.Client.Protocol;

/// <summary><c>Y</c> MarketDataRequestReject: a <see cref="MarketDataRequest"/> was refused (PROTOCOL.md §5 G31).</summary>
public sealed record MarketDataRequestReject : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.MarketDataRequestReject;

    /// <summary>The refused subscription id.</summary>
    public long MDReqID { get; init; }

    /// <summary>Why (2016+ / reference exchange).</summary>
    public MarketDataRequestRejectReason? MDReqRejReason { get; init; }

    /// <summary>Readable explanation.</summary>
    public string? Text { get; init; }
}
