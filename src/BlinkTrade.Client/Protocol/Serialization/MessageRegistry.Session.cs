namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Session messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] SessionMessages =>
    [
        new(MessageTypes.Heartbeat, Context.Heartbeat),
        new(MessageTypes.TestRequest, Context.TestRequest),
        new(MessageTypes.Error, Context.ErrorMessage),
        new(MessageTypes.UserRequest, Context.UserRequest),
        new(MessageTypes.UserResponse, Context.UserResponse),
        new(MessageTypes.Signup, Context.Signup),
        new(MessageTypes.PasswordResetRequest, Context.PasswordResetRequest),
        new(MessageTypes.PasswordResetResponse, Context.PasswordResetResponse),
        new(MessageTypes.ProcessPasswordResetRequest, Context.ProcessPasswordResetRequest),
        new(MessageTypes.ProcessPasswordResetResponse, Context.ProcessPasswordResetResponse),
        new(MessageTypes.TwoFactorRequest, Context.TwoFactorRequest),
        new(MessageTypes.TwoFactorResponse, Context.TwoFactorResponse),
    ];
}
