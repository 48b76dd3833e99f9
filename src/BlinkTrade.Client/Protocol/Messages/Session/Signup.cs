using System.Text.Json;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U0</c> Signup: creates an account (PROTOCOL.md §2.1). Answered by <see cref="UserResponse"/>.</summary>
public sealed record Signup : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.Signup;

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

    /// <summary>Device fingerprint.</summary>
    public string? FingerPrint { get; init; }

    /// <summary>STUN-discovered IPs.</summary>
    public JsonElement? STUNTIP { get; init; }

    /// <summary>User agent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>User agent language.</summary>
    public string? UserAgentLanguage { get; init; }

    /// <summary>Timezone offset in minutes.</summary>
    public int? UserAgentTimezoneOffset { get; init; }

    /// <summary>Platform.</summary>
    public string? UserAgentPlatform { get; init; }

    /// <summary>Page path (telemetry).</summary>
    public string? UriPath { get; init; }

    /// <summary>Referrer (telemetry).</summary>
    public string? Referrer { get; init; }
}
