namespace BlinkTrade.Client.Protocol;

/// <summary><c>U39</c> UpdateProfileResponse: the account after a <see cref="UpdateProfileRequest"/>.</summary>
public sealed record UpdateProfileResponse : ProfileMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.UpdateProfileResponse;

    /// <summary>The request's correlation id.</summary>
    public long UpdateReqID { get; init; }
}
