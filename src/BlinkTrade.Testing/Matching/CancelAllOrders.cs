namespace BlinkTrade.Testing.Matching;

/// <summary>Command: cancel every open order of an account, optionally only one side and one symbol.</summary>
internal readonly struct CancelAllOrders
{
    /// <summary>Broker of the account.</summary>
    public int BrokerId { get; init; }

    /// <summary>User (account) whose orders are cancelled.</summary>
    public int UserId { get; init; }

    /// <summary>Only this side, or <see langword="null"/> for both sides.</summary>
    public Side? Side { get; init; }

    /// <summary>Only this symbol, or <see langword="null"/> for every symbol.</summary>
    public string? Symbol { get; init; }

    /// <summary>Caller's clock stamped on the events.</summary>
    public long Timestamp { get; init; }
}
