using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;

namespace BlinkTrade.Client.Trading;

/// <summary>
/// The exchange refused a cancel (<c>F</c>) at once: the order is not open — already filled, already cancelled,
/// rejected, or unknown — or the session may not cancel it (PROTOCOL.md §5 G15). <see cref="BlinkTradeErrorException.Detail"/>
/// says which, e.g. <c>Order not open: already filled</c>; the order's fills still arrive on the execution reports.
/// </summary>
public sealed class OrderCancelRejectedException : BlinkTradeErrorException
{
    /// <summary>Creates the exception from the server's answer to the cancel.</summary>
    /// <param name="error">The ERROR whose ReqID names the order.</param>
    public OrderCancelRejectedException(ErrorMessage error)
        : base(error)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OrderCancelRejectedException() : base("The exchange refused the cancel.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public OrderCancelRejectedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public OrderCancelRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
