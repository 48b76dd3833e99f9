namespace BlinkTrade.Testing.Matching;

/// <summary>What happens when an incoming order meets a resting order of the same account.</summary>
internal enum SelfTradePrevention : byte
{
    /// <summary>Cancel the resting order and keep sweeping: the BlinkTrade behaviour (PROTOCOL.md §3.6) and the default.</summary>
    CancelResting = 0,

    /// <summary>Cancel the incoming order's remainder and stop matching.</summary>
    CancelIncoming = 1,

    /// <summary>Cancel the resting order and the incoming order's remainder.</summary>
    CancelBoth = 2,

    /// <summary>No prevention: the account trades with itself.</summary>
    None = 3,
}
