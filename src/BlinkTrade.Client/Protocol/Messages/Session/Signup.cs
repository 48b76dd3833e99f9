namespace BlinkTrade.Client.Protocol;

/// <summary><c>U0</c> Signup: creates an account (PROTOCOL.md §2.1). Answered by <see cref="UserResponse"/>.</summary>
[MessageType(MessageTypes.Signup)]
public sealed partial record Signup : DeviceInfoRequest
{
    /// <summary>Correlation id.</summary>
    public long UserReqID { get; init; }

    /// <summary>Username (3–15 characters).</summary>
    public string? Username { get; init; }

    /// <summary>Password.</summary>
    public SecretString? Password { get; init; }

    /// <summary>Email.</summary>
    public string? Email { get; init; }

    /// <summary>Broker id.</summary>
    public int BrokerID { get; init; }

    /// <summary>State.</summary>
    public string? State { get; init; }

    /// <summary>ISO-2 country code.</summary>
    public string? CountryCode { get; init; }

    /// <summary>Token (2016+).</summary>
    public SecretString? Token { get; init; }
}
