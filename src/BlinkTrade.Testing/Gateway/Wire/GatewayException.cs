namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>
/// A request the gateway refuses: answered with <c>ERROR</c> (Description, Detail, ReqID). The message never carries
/// internal details (no stack traces, no exception types), only what the client may know.
/// </summary>
internal sealed class GatewayException : Exception
{
    public GatewayException(string description, string detail, bool closeSession = false)
        : base(description + ": " + detail)
    {
        Description = description;
        Detail = detail;
        CloseSession = closeSession;
    }

    public GatewayException()
        : this(GatewayErrors.InvalidMessage, string.Empty)
    {
    }

    public GatewayException(string message)
        : this(GatewayErrors.InvalidMessage, message)
    {
    }

    public GatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
        Description = GatewayErrors.InvalidMessage;
        Detail = message;
    }

    /// <summary>The ERROR's Description (one of the bitex descriptions in <see cref="GatewayErrors"/>).</summary>
    public string Description { get; }

    /// <summary>The ERROR's Detail, e.g. <c>Missing tag ClOrdID</c>.</summary>
    public string Detail { get; }

    /// <summary>Whether the session is closed after the ERROR (protocol abuse only, PROTOCOL.md §5 G2).</summary>
    public bool CloseSession { get; }

    /// <summary>The ERROR's ReqID when it is not the request's own correlation field (e.g. a cancel by OrderID).</summary>
    public ReadOnlyMemory<byte>? RequestId { get; init; }

    public static GatewayException MissingTag(string tag) => new(GatewayErrors.InvalidMessage, "Missing tag " + tag);

    public static GatewayException InvalidValue(string tag, string? value)
        => new(GatewayErrors.InvalidMessage, $"Invalid value tag({tag})={(IsSecretTag(tag) ? "***" : Truncate(value))}");

    // Credentials are never echoed: the Detail goes back on the wire and into the session log.
    private static bool IsSecretTag(string tag) => tag is "Password" or "NewPassword" or "APIPassword" or "APISecret"
        or "SecondFactor" or "Token" or "Secret" or "Code" or "ConfirmationToken" or "TwoFactorSecret";

    /// <summary>A field whose text is no valid UTF-16 (a lone surrogate escape): named, never quoted.</summary>
    public static GatewayException Unrepresentable(string tag) => new(GatewayErrors.InvalidMessage, $"Invalid value tag({tag})");

    public static GatewayException NotAuthorized(string detail = "") => new(GatewayErrors.NotAuthorized, detail);

    public static GatewayException InvalidParameter(string detail) => new(GatewayErrors.InvalidParameter, detail);

    private static string Truncate(string? value) => value is null ? "null" : WireText.Sanitize(WireText.Truncate(value, 64));
}
