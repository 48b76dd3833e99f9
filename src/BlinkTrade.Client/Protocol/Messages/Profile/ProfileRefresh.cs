namespace BlinkTrade.Client.Protocol;

/// <summary><c>U40</c> ProfileRefresh: unsolicited publication of the user's changed account settings.</summary>
[MessageType(MessageTypes.ProfileRefresh)]
public sealed partial record ProfileRefresh : ProfileMessage
{
}
