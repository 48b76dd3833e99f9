namespace BlinkTrade.Client.Protocol;

/// <summary><c>U40</c> ProfileRefresh: unsolicited publication of the user's changed account settings.</summary>
public sealed record ProfileRefresh : ProfileMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ProfileRefresh;
}
