using BlinkTrade.Client;

namespace BlinkTrade.NetworkSoak.Trading;

/// <summary>The clients' options. By default short heartbeats (5 s interval, 3 s timeout, 2 missed), so a black hole
/// is noticed in seconds and a run of minutes sees many reconnects; <c>--client-defaults</c> uses the shipped ones.</summary>
internal static class SoakClientOptions
{
    public const int BrokerId = 5;
    public const string Password = "abc12345";

    public static BlinkTradeClientOptions For(Uri endpoint, string user, bool clientDefaults, TimeSpan requestTimeout) => clientDefaults
        ? new() { Endpoint = endpoint, BrokerId = BrokerId, Credentials = BlinkTradeCredentials.FromPassword(user, Password) }
        : new()
        {
            Endpoint = endpoint,
            BrokerId = BrokerId,
            Credentials = BlinkTradeCredentials.FromPassword(user, Password),
            RequestTimeout = requestTimeout,
            HeartbeatInterval = TimeSpan.FromSeconds(5),
            HeartbeatTimeout = TimeSpan.FromSeconds(3),
            HeartbeatAfterSilence = TimeSpan.FromSeconds(3),
            MaxMissedHeartbeats = 2,
            Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(4) },
        };
}
