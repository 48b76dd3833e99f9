namespace BlinkTrade.Client.Protocol;

/// <summary><c>U42</c> PositionRequest: asks for the positions (credit for unconfirmed crypto deposits) (PROTOCOL.md §2.2).</summary>
public sealed record PositionRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.PositionRequest;

    /// <summary>Correlation id echoed in the <see cref="PositionResponse"/>.</summary>
    public required long PositionReqID { get; init; }

    /// <summary>The customer account a broker asks about.</summary>
    public long? ClientID { get; init; }
}
