namespace BlinkTrade.Testing.Matching;

/// <summary>Settings of a <see cref="MatchingEngine"/>. The capacities only pre-size storage (everything grows on demand); sizing them
/// up front keeps the first commands free of allocation.</summary>
internal sealed record EngineOptions
{
    /// <summary>Self-trade prevention policy; BlinkTrade's default is <see cref="Matching.SelfTradePrevention.CancelResting"/>.</summary>
    public SelfTradePrevention SelfTradePrevention { get; init; } = SelfTradePrevention.CancelResting;

    /// <summary>Id of the first order; later orders count up from it.</summary>
    public long FirstOrderId { get; init; } = 1;

    /// <summary>Id of the first execution report.</summary>
    public long FirstExecId { get; init; } = 1;

    /// <summary>Id of the first trade.</summary>
    public long FirstTradeId { get; init; } = 1;

    /// <summary>Expected number of simultaneously open orders.</summary>
    public int OrderCapacity { get; init; } = 1024;

    /// <summary>Expected number of single ledger rows over the engine's life: deposits, withdrawals and fees (a trade's four rows are
    /// one settlement record, sized by <see cref="TradeCapacity"/>).</summary>
    public long LedgerCapacity { get; init; } = 16_384;

    /// <summary>Expected number of trades over the engine's life (the trade log and the ledger's settlement records).</summary>
    public long TradeCapacity { get; init; } = 16_384;

    /// <summary>Price levels pre-created per book side, so that new prices do not allocate while the book is still growing.</summary>
    public int PriceLevelCapacity { get; init; }

    /// <summary>Initial room for orders in each price level's queue (it doubles when full).</summary>
    public int OrdersPerLevelCapacity { get; init; } = 8;

    /// <summary>Whether commands write market-data book changes (<see cref="EngineEventBuffer.BookEvents"/>) — default on. A consumer
    /// that publishes no market data (a benchmark replay, a test that only checks executions and balances) can turn them off:
    /// each order's position in the book is then not computed, which saves work on every place and cancel in a deep book.
    /// Matching, execution reports, trades, balances and queries are the same either way.</summary>
    public bool BookEvents { get; init; } = true;

    /// <summary>Initial capacity of each event kind in <see cref="MatchingEngine.Events"/>.</summary>
    public int EventCapacity { get; init; } = 256;
}
