using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Quickstart;

/// <summary>What the user asked for on the command line, validated (see <see cref="Cli.QuickstartCommand"/>).</summary>
internal sealed record QuickstartOptions
{
    /// <summary>The instrument shown by default.</summary>
    public const string DefaultSymbol = "BTCUSD";

    /// <summary>The broker of the embedded exchange (5 is BlinkTrade's testnet broker id).</summary>
    public const int DefaultBrokerId = 5;

    /// <summary>Stop this long after start-up finished ("Ready"); run until Ctrl+C or SIGTERM when null.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>A remote server's WebSocket endpoint; null runs the embedded exchange with simulated traders.</summary>
    public Uri? Url { get; init; }

    /// <summary>The broker to log in with (remote servers only).</summary>
    public int BrokerId { get; init; } = DefaultBrokerId;

    /// <summary>The username, email or API key (remote servers only).</summary>
    public string? User { get; init; }

    /// <summary>The password or API password (remote servers only). A <see cref="SecretString"/> prints as <c>***</c>.</summary>
    public SecretString Password { get; init; }

    /// <summary>Whether <see cref="User"/> is an API key (log in with <c>FromApiKey</c>).</summary>
    public bool UseApiKey { get; init; }

    /// <summary>Place and cancel a small far-from-the-market order on a remote server (always done on the embedded exchange).</summary>
    public bool DemoOrder { get; init; }

    /// <summary>The instrument to show.</summary>
    public string Symbol { get; init; } = DefaultSymbol;

    /// <summary>Print plain text lines even on an interactive terminal.</summary>
    public bool PlainText { get; init; }

    /// <summary>The seed of the simulated traders' random choices (same seed, same decisions).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where to record the client's session tape (<c>--record</c>), or null.</summary>
    public string? RecordPath { get; init; }

    /// <summary>Whether the sample runs its own exchange (no <see cref="Url"/>).</summary>
    public bool IsEmbedded => Url is null;

    /// <summary>Whether to place and cancel the demonstration order: always on the embedded exchange, only on request
    /// elsewhere (a real server means real money).</summary>
    public bool PlacesDemoOrder => IsEmbedded || DemoOrder;
}
