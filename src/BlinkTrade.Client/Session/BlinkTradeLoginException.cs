namespace BlinkTrade.Client;

/// <summary>
/// A login, signup or password change was refused (<c>BF</c> with <c>UserStatus</c> 3, PROTOCOL.md §2.1). The
/// message carries the server's status code only, never the credentials.
/// </summary>
public sealed class BlinkTradeLoginException : BlinkTradeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusText">The server's <c>UserStatusText</c> code, e.g. <c>MSG_LOGIN_ERROR_INVALID_PASSWORD</c>.</param>
    /// <param name="needSecondFactor">Whether the server asks for a second factor.</param>
    /// <param name="secondFactorType">Which second factor (<c>OTP</c>, <c>EMAIL</c>…), when given.</param>
    public BlinkTradeLoginException(string? statusText, bool needSecondFactor, string? secondFactorType)
        : base($"The server refused the request: {statusText ?? "no reason given"}" + (needSecondFactor ? $" (second factor {secondFactorType ?? "required"})" : string.Empty))
    {
        StatusText = statusText;
        NeedSecondFactor = needSecondFactor;
        SecondFactorType = secondFactorType;
    }

    /// <summary>Creates the exception.</summary>
    public BlinkTradeLoginException() : base("The login was refused.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public BlinkTradeLoginException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public BlinkTradeLoginException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The server's <c>UserStatusText</c> code.</summary>
    public string? StatusText { get; }

    /// <summary>Whether the server asks for a second factor (<c>NeedSecondFactor</c>).</summary>
    public bool NeedSecondFactor { get; }

    /// <summary>Which second factor, when the server says (<c>SecondFactorType</c>).</summary>
    public string? SecondFactorType { get; }
}
