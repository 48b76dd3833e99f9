namespace BlinkTrade.Testing.Matching;

/// <summary>A tradable instrument with its own order book and stop orders.</summary>
internal sealed class Instrument
{
    internal Instrument(InstrumentConfig config, int index, int baseCurrencyId, int quoteCurrencyId, int levelCapacity, int ordersPerLevel, bool positions = true)
    {
        Index = index;
        Book = new OrderBook(levelCapacity, ordersPerLevel, config.TickSize, positions);
        Config = config;
        BaseCurrencyId = baseCurrencyId;
        QuoteCurrencyId = quoteCurrencyId;
    }

    /// <summary>The configuration it was created with.</summary>
    public InstrumentConfig Config { get; }

    /// <summary>Symbol, for example <c>BTCUSD</c>.</summary>
    public string Symbol => Config.Symbol;

    /// <summary>Price of the last trade, or 0 before the first trade. Stop orders trigger on it.</summary>
    public long LastPrice { get; internal set; }

    /// <summary>Position in the engine's instrument list.</summary>
    internal int Index { get; }

    internal int BaseCurrencyId { get; }

    internal int QuoteCurrencyId { get; }

    internal OrderBook Book { get; }

    internal StopOrders Stops { get; } = new();
}
