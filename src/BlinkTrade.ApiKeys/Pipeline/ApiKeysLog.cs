using Microsoft.Extensions.Logging;

namespace BlinkTrade.ApiKeys.Pipeline;

// Source-generated log messages. They carry the method, the path (never the query, which holds the signature)
// and status facts; never a key secret, API password or body.
internal static partial class ApiKeysLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "API-key request {Method} {Path} answered {Status} (used weight {UsedWeight})")]
    public static partial void Answered(ILogger logger, string method, string path, int status, int? usedWeight);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Retrying API-key request {Method} {Path} (attempt {Attempt}) after {Reason} in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "API-key request {Method} {Path} failed with HTTP {Status}, code {Code}")]
    public static partial void Failed(ILogger logger, string method, string path, int status, int? code);
}
