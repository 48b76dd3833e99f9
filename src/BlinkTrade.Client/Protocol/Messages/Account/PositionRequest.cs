namespace BlinkTrade.Client.Protocol;

/// <summary><c>U42</c> PositionRequest: asks for the positions (credit for unconfirmed crypto deposits) (PROTOCOL.md §2.2).</summary>
[MessageType(MessageTypes.PositionRequest)]
public sealed partial record PositionRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the <see cref="PositionResponse"/>.</summary>
    public required long PositionReqID { get; init; }

    /// <summary>The customer account a broker asks about.</summary>
    public long? ClientID { get; init; }
}
