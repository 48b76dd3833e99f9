namespace BlinkTrade.Client.MarketData;

/// <summary>The server rejected a market-data subscription (<c>Y</c>), e.g. an unknown symbol. Delivered to the
/// subscription's observers through <see cref="IObserver{T}.OnError"/>.</summary>
public sealed class MarketDataRejectedException : BlinkTradeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="reason">The wire <c>MDReqRejReason</c>, when sent.</param>
    /// <param name="text">The server's text, when sent.</param>
    public MarketDataRejectedException(string symbol, string? reason, string? text)
        : base($"The market-data subscription to {symbol} was rejected" + (reason is null ? string.Empty : $" (reason {reason})") + (text is null ? "." : ": " + text))
    {
        Symbol = symbol;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public MarketDataRejectedException() : base("The market-data subscription was rejected.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public MarketDataRejectedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public MarketDataRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The instrument.</summary>
    public string? Symbol { get; }

    /// <summary>The wire reject reason, when sent.</summary>
    public string? Reason { get; }
}
