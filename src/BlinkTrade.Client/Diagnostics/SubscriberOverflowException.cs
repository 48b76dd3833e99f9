namespace BlinkTrade.Client.Diagnostics;

/// <summary>
/// A subscriber of an event stream (execution reports, trades, messages…) fell more than the configured number of
/// items behind, so it was unsubscribed rather than let it hold up the connection or silently lose events.
/// Delivered to the subscriber's <see cref="IObserver{T}.OnError"/>.
/// </summary>
public sealed class SubscriberOverflowException : BlinkTradeException
{
    /// <summary>Creates the exception.</summary>
    public SubscriberOverflowException() : base("The subscriber fell too far behind and was unsubscribed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public SubscriberOverflowException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public SubscriberOverflowException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
