namespace BlinkTrade.Client;

/// <summary>
/// The base of every exception the BlinkTrade client throws on its own account — a refused login, a server ERROR,
/// a request timeout, a closed connection, a rejected subscription, a malformed frame — so one <c>catch</c> can handle
/// them all. Argument and state errors of the caller stay the framework's (<see cref="ArgumentException"/>,
/// <see cref="InvalidOperationException"/>, <see cref="ObjectDisposedException"/>), and a cancellation stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
public class BlinkTradeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlinkTradeException() : base("A BlinkTrade client operation failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public BlinkTradeException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public BlinkTradeException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
