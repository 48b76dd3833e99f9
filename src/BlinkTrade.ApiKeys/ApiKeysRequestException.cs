namespace BlinkTrade.ApiKeys;

/// <summary>
/// The server answered with an error (<c>{"code": -NNNN, "msg": "..."}</c>) or an unexpected status. The message
/// holds only the HTTP status, the code and the server's text — never request parameters, signatures or secrets.
/// </summary>
public class ApiKeysRequestException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public ApiKeysRequestException()
        : this("The API-key request failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ApiKeysRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ApiKeysRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for an error answer.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="errorCode">The contract's error code, when the body had one.</param>
    /// <param name="serverMessage">The server's <c>msg</c>, when the body had one.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> delay, when present.</param>
    /// <param name="usedWeight1M">The <c>X-USED-WEIGHT-1M</c> header, when present.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ApiKeysRequestException(int status, int? errorCode, string? serverMessage, TimeSpan? retryAfter = null, int? usedWeight1M = null,
        Exception? innerException = null)
        : base(BuildMessage(status, errorCode, serverMessage), innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        RetryAfter = retryAfter;
        UsedWeight1M = usedWeight1M;
    }

    /// <summary>The HTTP status code (0 when no answer arrived).</summary>
    public int Status { get; }

    /// <summary>The contract's error code (e.g. -1021, -2008, -1003), when the body had one.</summary>
    public int? ErrorCode { get; }

    /// <summary>The server's <c>msg</c>, when the body had one.</summary>
    public string? ServerMessage { get; }

    /// <summary>How long the server asks the caller to wait (429 and 418).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Rate-limit weight used by this client IP in the current minute, when the answer carried it.</summary>
    public int? UsedWeight1M { get; }

    /// <summary>
    /// Whether the request's outcome is unknown (a 5xx answer): the server may have executed it. Resolve a POST
    /// by a query (status/list) rather than by sending it again.
    /// </summary>
    public bool IsOutcomeUnknown => Status >= 500;

    private static string BuildMessage(int status, int? errorCode, string? serverMessage)
    {
        var code = errorCode is { } c ? $" (code {c})" : string.Empty;
        var text = string.IsNullOrEmpty(serverMessage) ? string.Empty : $": {serverMessage}";
        return $"The API-key request failed with HTTP {status}{code}{text}";
    }
}
