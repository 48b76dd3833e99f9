using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Gateway;

// Access-control events (ids 4050–4059): login throttling and login deadlines. Never a password or a frame.
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 4050, Level = LogLevel.Warning, Message = "Session {SessionId} login refused without a password check: too many failures (retry in {Seconds} s)")]
    public static partial void LoginThrottled(ILogger logger, long sessionId, int seconds);

    [LoggerMessage(EventId = 4051, Level = LogLevel.Information, Message = "Session {SessionId} did not log in within {Seconds} s; closing")]
    public static partial void LoginTimeout(ILogger logger, long sessionId, int seconds);
}
