namespace BlinkTrade.Client.Protocol;

/// <summary><c>U24</c> WithdrawConfirmationRequest: confirms a withdrawal with the emailed token, or with the id and a
/// second-factor code.</summary>
[MessageType(MessageTypes.WithdrawConfirmationRequest)]
public sealed partial record WithdrawConfirmationRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the <see cref="WithdrawConfirmationResponse"/>.</summary>
    public long WithdrawReqID { get; init; }

    /// <summary>The emailed confirmation token.</summary>
    public SecretString? ConfirmationToken { get; init; }

    /// <summary>The withdrawal (with <see cref="SecondFactor"/>).</summary>
    public long? WithdrawID { get; init; }

    /// <summary>The second-factor (TOTP) code.</summary>
    public SecretString? SecondFactor { get; init; }
}
