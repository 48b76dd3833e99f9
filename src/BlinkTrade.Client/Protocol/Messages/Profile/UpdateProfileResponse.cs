namespace BlinkTrade.Client.Protocol;

/// <summary><c>U39</c> UpdateProfileResponse: the account after a <see cref="UpdateProfileRequest"/>.</summary>
[MessageType(MessageTypes.UpdateProfileResponse)]
public sealed partial record UpdateProfileResponse : ProfileMessage
{
    /// <summary>The request's correlation id.</summary>
    public long UpdateReqID { get; init; }
}
