namespace BlinkTrade.Testing.Hosting.Tapi;

/// <summary>The verdict of <see cref="TapiKeyGuard.Admit"/>.</summary>
internal enum TapiAdmission
{
    /// <summary>The nonce is new and the key is under its rate limit: run the call.</summary>
    Accepted,

    /// <summary>The nonce is not above the last accepted one: 401 "Invalid nonce".</summary>
    InvalidNonce,

    /// <summary>Too many calls with this key in the last second: 429.</summary>
    RateLimited,
}
