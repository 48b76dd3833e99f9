namespace BlinkTrade.Client.Transport;

/// <summary>A connection is closed, or failed, so the operation could not complete.</summary>
public class ConnectionClosedException : BlinkTradeException
{
    /// <summary>Creates the exception.</summary>
    public ConnectionClosedException() : base("The connection is closed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public ConnectionClosedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The transport's exception.</param>
    public ConnectionClosedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
