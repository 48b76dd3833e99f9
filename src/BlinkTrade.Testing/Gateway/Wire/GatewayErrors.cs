namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>The ERROR descriptions of the bitex backend (PROTOCOL.md §1.3), reused verbatim so clients can match them.</summary>
internal static class GatewayErrors
{
    public const string InvalidMessage = "Invalid message";
    public const string NotAuthorized = "Not authorized";
    public const string InvalidClientId = "Invalid Client ID";
    public const string InvalidParameter = "Invalid Parameter";
    public const string ApiKeyNotValid = "ApiKey is not valid";
    public const string ApiKeyNotRevocable = "ApiKey is not revocable";
    public const string UserAlreadyLoggedIn = "User is already logged in";
    public const string TooManyMessages = "Too many messages per second";
    public const string SessionTimeout = "Session timeout";
    public const string SlowConsumer = "Slow consumer";
    public const string MessageTooLarge = "Message too large";
    public const string UnknownError = "Unknow error";
}
