namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Profile messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] ProfileMessages =>
    [
        new(MessageTypes.UpdateProfileRequest, Context.UpdateProfileRequest),
        new(MessageTypes.UpdateProfileResponse, Context.UpdateProfileResponse),
        new(MessageTypes.ProfileRefresh, Context.ProfileRefresh),
    ];
}
