namespace BlinkTrade.Client;

/// <summary>
/// The device a client logs in from, sent with every login (<c>BE</c>), including the re-login after each reconnect
/// (PROTOCOL.md §2.1). The original API document asks every client to identify its device with a
/// <c>FingerPrint</c>; the exchange uses it to recognise a trusted device (<see cref="BlinkTradeCredentials.TrustedDevice"/>),
/// and the <c>UserAgent*</c> fields are telemetry. All are optional; a value left <see langword="null"/> is not sent.
/// </summary>
public sealed record DeviceInfo
{
    /// <summary>A stable identifier of this device (<c>FingerPrint</c>), e.g. a hash of the machine and installation.</summary>
    public string? FingerPrint { get; init; }

    /// <summary>The user agent (<c>UserAgent</c>), e.g. <c>MyBot/1.2 (BlinkTrade .NET SDK)</c>.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The user agent's language (<c>UserAgentLanguage</c>), e.g. <c>en_US</c>.</summary>
    public string? UserAgentLanguage { get; init; }

    /// <summary>The device's timezone offset in minutes (<c>UserAgentTimezoneOffset</c>), as JavaScript's
    /// <c>Date.getTimezoneOffset()</c> gives it (UTC−03:00 is 180).</summary>
    public int? UserAgentTimezoneOffset { get; init; }

    /// <summary>The platform (<c>UserAgentPlatform</c>), e.g. <c>linux (x64)</c>.</summary>
    public string? UserAgentPlatform { get; init; }
}
