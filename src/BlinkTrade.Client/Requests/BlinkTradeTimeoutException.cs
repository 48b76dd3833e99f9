namespace BlinkTrade.Client.Requests;

/// <summary>A request got no response within its timeout (<see cref="BlinkTradeClientOptions.RequestTimeout"/>).</summary>
/// <remarks>A <see cref="BlinkTradeException"/> like every failure of the client (not a <see cref="TimeoutException"/>),
/// so one <c>catch (BlinkTradeException)</c> handles them all.</remarks>
public sealed class BlinkTradeTimeoutException : BlinkTradeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="msgType">The request's MsgType.</param>
    /// <param name="requestId">The request's correlation value.</param>
    /// <param name="timeout">How long the client waited.</param>
    public BlinkTradeTimeoutException(string msgType, string requestId, TimeSpan timeout)
        : base($"No response to {msgType} request {requestId} within {timeout}.")
    {
        MsgType = msgType;
        RequestId = requestId;
        Timeout = timeout;
    }

    /// <summary>Creates the exception.</summary>
    public BlinkTradeTimeoutException() : base("The request timed out.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public BlinkTradeTimeoutException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public BlinkTradeTimeoutException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The request's MsgType.</summary>
    public string? MsgType { get; }

    /// <summary>The request's correlation value (e.g. its <c>UserReqID</c> or <c>ClOrdID</c>).</summary>
    public string? RequestId { get; }

    /// <summary>How long the client waited.</summary>
    public TimeSpan Timeout { get; }
}
