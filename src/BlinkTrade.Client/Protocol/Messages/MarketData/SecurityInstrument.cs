namespace BlinkTrade.Client.Protocol;

/// <summary>An instrument of <see cref="SecurityList"/>.</summary>
public sealed record SecurityInstrument : ProtocolRecord
{
    /// <summary>Symbol, e.g. <c>BTCUSD</c>.</summary>
    public string? Symbol { get; init; }

    /// <summary>Quote currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Description, e.g. <c>BTC / USD</c>.</summary>
    public string? Description { get; init; }
}
