using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Requests;

/// <summary>
/// The server answered a request with an <c>ERROR</c> frame (PROTOCOL.md §1.3), e.g. <c>Not authorized</c> or
/// <c>Invalid message</c> with a Detail such as <c>Missing tag Symbol</c>. A refused cancel is the more specific
/// <see cref="Trading.OrderCancelRejectedException"/>.
/// </summary>
public class BlinkTradeErrorException : BlinkTradeException
{
    /// <summary>Creates the exception from the server's frame.</summary>
    /// <param name="error">The ERROR message.</param>
    public BlinkTradeErrorException(ErrorMessage error)
        : base(Describe(error ?? throw new ArgumentNullException(nameof(error))))
    {
        Description = error.Description;
        Detail = error.Detail;
        ReqID = error.ReqID;
    }

    /// <summary>Creates the exception.</summary>
    public BlinkTradeErrorException() : base("The server answered with ERROR.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public BlinkTradeErrorException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public BlinkTradeErrorException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The server's short description, e.g. <c>Not authorized</c>.</summary>
    public string? Description { get; }

    /// <summary>The server's details, e.g. the offending field.</summary>
    public string? Detail { get; }

    /// <summary>The request id the server attached, when it did.</summary>
    public string? ReqID { get; }

    private static string Describe(ErrorMessage error)
        => string.IsNullOrEmpty(error.Detail)
            ? $"The server answered with ERROR: {error.Description}"
            : $"The server answered with ERROR: {error.Description} ({error.Detail})";
}
