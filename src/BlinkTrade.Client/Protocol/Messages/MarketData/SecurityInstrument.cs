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

    /// <summary>The smallest order quantity (<c>MinQty</c>, 1e8-scaled): the reference exchange's addition
    /// (PROTOCOL.md §5 G32); BlinkTrade's servers do not list it. The client's pre-trade checks refuse smaller orders.</summary>
    public Quantity? MinQty { get; init; }
}
