namespace BlinkTrade.Testing.Hosting.Rest;

// A contract error raised while handling a request; turned into {"code","msg"} with its HTTP status.
// Internal control flow only: it never escapes the handler.
internal sealed class ApiKeysRestProblem : Exception
{
    public ApiKeysRestProblem(int httpStatus, int code, string message)
        : base(message)
    {
        HttpStatus = httpStatus;
        Code = code;
    }

    public ApiKeysRestProblem()
    {
    }

    public ApiKeysRestProblem(string message)
        : base(message)
    {
    }

    public ApiKeysRestProblem(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int HttpStatus { get; } = 400;

    public int Code { get; } = ApiKeysRestErrorCodes.InvalidParameter;

    // With 429: when to try again.
    public TimeSpan? RetryAfter { get; init; }

    public static ApiKeysRestProblem Missing(string name) =>
        new(400, ApiKeysRestErrorCodes.MandatoryParameterMissing, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public static ApiKeysRestProblem Invalid(string message) => new(400, ApiKeysRestErrorCodes.InvalidParameter, message);

    public static ApiKeysRestProblem NoSuchKey() => new(400, ApiKeysRestErrorCodes.NoSuchApiKey, "Invalid Api-Key ID.");

    public static ApiKeysRestProblem Rejected() => new(401, ApiKeysRestErrorCodes.RejectedApiKey, "Invalid API-key, IP, or permissions for action.");
}
