using BlinkTrade.Client;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// A REST trade or market-data call failed: the exchange answered with a non-200 <c>Status</c> (401 "Invalid nonce",
/// 401 "Invalid signature", 429…), an HTTP error, an answer that is not the protocol's envelope, or no answer at all.
/// A <see cref="BlinkTradeException"/>, so one <c>catch</c> handles it with the WebSocket client's failures. The message
/// holds the status and the exchange's texts only — never headers, the signature or the secret.
/// </summary>
public sealed class BlinkTradeRestException : BlinkTradeException
{
    /// <summary>Creates the exception without details.</summary>
    public BlinkTradeRestException()
        : base("The BlinkTrade REST call failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public BlinkTradeRestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public BlinkTradeRestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refusal or a failure.</summary>
    /// <param name="httpStatus">The HTTP status code (0 when no answer arrived).</param>
    /// <param name="status">The envelope's <c>Status</c>, when the answer had one.</param>
    /// <param name="description">The envelope's <c>Description</c>, when present.</param>
    /// <param name="detail">The envelope's <c>Detail</c>, when present.</param>
    /// <param name="isOutcomeUnknown">Whether the exchange may have executed the call.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> delay, when present.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BlinkTradeRestException(int httpStatus, int? status, string? description, string? detail, bool isOutcomeUnknown, TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(BuildMessage(httpStatus, status, description, detail, isOutcomeUnknown), innerException)
    {
        HttpStatus = httpStatus;
        Status = status;
        Description = description;
        Detail = detail;
        IsOutcomeUnknown = isOutcomeUnknown;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status code (0 when no answer arrived).</summary>
    public int HttpStatus { get; }

    /// <summary>The envelope's <c>Status</c> (e.g. 401, 429, 500), when the answer had one.</summary>
    public int? Status { get; }

    /// <summary>The envelope's <c>Description</c> (e.g. <c>Invalid nonce</c>), when present.</summary>
    public string? Description { get; }

    /// <summary>The envelope's <c>Detail</c>, when present.</summary>
    public string? Detail { get; }

    /// <summary>
    /// Whether the exchange may have executed the call (no answer, a timeout, a 5xx). Resolve an order by a query
    /// (U4) rather than by sending it again; <see cref="BlinkTradeRestClient.SendOrderAsync"/> does so itself.
    /// </summary>
    public bool IsOutcomeUnknown { get; }

    /// <summary>How long the exchange asks the caller to wait (429), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string BuildMessage(int httpStatus, int? status, string? description, string? detail, bool unknown)
    {
        var head = httpStatus == 0 ? "The BlinkTrade REST call got no answer" : $"The BlinkTrade REST call failed with HTTP {httpStatus}";
        var envelope = status is { } s ? $", Status {s}" : string.Empty;
        var text = string.IsNullOrEmpty(description) ? string.Empty : $": {description}";
        var more = string.IsNullOrEmpty(detail) ? string.Empty : $" ({detail})";
        var outcome = unknown ? "; its outcome is unknown" : string.Empty;
        return head + envelope + text + more + outcome + ".";
    }
}
