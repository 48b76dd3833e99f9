namespace BlinkTrade.Client.Trading;

/// <summary>
/// An order failed a client-side pre-trade check (<see cref="PreTradeCheckOptions"/>) and was not sent: no request
/// went out for it and it never reached the exchange. <see cref="Failure"/> says which check, <see cref="Field"/>
/// the wire field at fault; the message carries the values (prices, quantities, the pip or minimum).
/// </summary>
public sealed class PreTradeCheckException : BlinkTradeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Which check failed.</param>
    /// <param name="symbol">The order's instrument.</param>
    /// <param name="field">The wire field at fault, e.g. <c>Price</c> or <c>OrderQty</c>.</param>
    /// <param name="message">What was wrong, with the values.</param>
    /// <param name="innerException">The cause, when there is one.</param>
    public PreTradeCheckException(PreTradeCheckFailure failure, string? symbol, string? field, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Symbol = symbol;
        Field = field;
    }

    /// <summary>Creates the exception.</summary>
    public PreTradeCheckException() : base("The order failed a pre-trade check and was not sent.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public PreTradeCheckException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public PreTradeCheckException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Which check failed.</summary>
    public PreTradeCheckFailure Failure { get; }

    /// <summary>The order's instrument.</summary>
    public string? Symbol { get; }

    /// <summary>The wire field at fault (<c>Symbol</c>, <c>Side</c>, <c>OrdType</c>, <c>ExecInst</c>, <c>Price</c>,
    /// <c>StopPx</c>, <c>OrderQty</c>), or <see langword="null"/> when the instrument list was unavailable.</summary>
    public string? Field { get; }
}
