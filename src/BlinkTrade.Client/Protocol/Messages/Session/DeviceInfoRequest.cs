using System.Text.Json;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of the session requests (<see cref="UserRequest"/> <c>BE</c>, <see cref="Signup"/> <c>U0</c>) that carry the
/// device and telemetry fields BlinkTrade's web UI sends; all optional, and written after the request's own fields.
/// </summary>
public abstract record DeviceInfoRequest : BlinkTradeMessage
{
    /// <summary>Device fingerprint.</summary>
    public string? FingerPrint { get; init; }

    /// <summary>STUN-discovered IPs, e.g. <c>{"local":"…","public":["…"]}</c>.</summary>
    public JsonElement? STUNTIP { get; init; }

    /// <summary>User agent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>User agent language, e.g. <c>en_US</c>.</summary>
    public string? UserAgentLanguage { get; init; }

    /// <summary>Timezone offset in minutes.</summary>
    public int? UserAgentTimezoneOffset { get; init; }

    /// <summary>Platform, e.g. <c>linux (x64)</c>.</summary>
    public string? UserAgentPlatform { get; init; }

    /// <summary>Page path (telemetry).</summary>
    public string? UriPath { get; init; }

    /// <summary>Referrer (telemetry).</summary>
    public string? Referrer { get; init; }
}
