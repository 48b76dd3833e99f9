namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>The error codes of the API-key REST contract (APIKEYS-REST.md, "HTTP status and error codes").</summary>
public static class ApiKeysRestErrorCodes
{
    /// <summary>500: internal error, outcome unknown.</summary>
    public const int Unknown = -1000;

    /// <summary>429 / 418: too much request weight.</summary>
    public const int TooManyRequests = -1003;

    /// <summary>400: timestamp outside the recvWindow.</summary>
    public const int InvalidTimestamp = -1021;

    /// <summary>400: signature does not match.</summary>
    public const int InvalidSignature = -1022;

    /// <summary>415: a POST body that is not <c>application/x-www-form-urlencoded</c>.</summary>
    public const int UnsupportedContentType = -1098;

    /// <summary>400: a signed POST already accepted within its time window (a replay).</summary>
    public const int DuplicateRequest = -1099;

    /// <summary>400: a mandatory parameter is missing or malformed.</summary>
    public const int MandatoryParameterMissing = -1102;

    /// <summary>400: a parameter has an invalid value (including an invalid state transition).</summary>
    public const int InvalidParameter = -1130;

    /// <summary>400: unknown key id (or another owner's key).</summary>
    public const int NoSuchApiKey = -2008;

    /// <summary>401: missing or malformed key header.</summary>
    public const int BadApiKeyFormat = -2014;

    /// <summary>401: unknown or unusable key, IP not whitelisted, or permission missing.</summary>
    public const int RejectedApiKey = -2015;
}
