using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Gateway;

/// <summary>
/// The gateway's log events (ids 4000–4099). Only message types and ids are logged, never frame contents, so
/// secrets in BE/U0/U12/U16/U24 can never reach a log.
/// </summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Session {SessionId} opened from {Remote}")]
    public static partial void SessionOpened(ILogger logger, long sessionId, string remote);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Session {SessionId} from {Remote} closed")]
    public static partial void SessionClosed(ILogger logger, long sessionId, string remote);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Session {SessionId} received {MsgType}")]
    public static partial void MessageReceived(ILogger logger, long sessionId, string msgType);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Session {SessionId} refused {MsgType}: {Description} ({Detail})")]
    public static partial void RequestRefused(ILogger logger, long sessionId, string msgType, string description, string detail);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Session {SessionId}: handler for {MsgType} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, long sessionId, string msgType);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Session {SessionId} rate limited: {Count} messages in the last second; closing")]
    public static partial void RateLimited(ILogger logger, long sessionId, int count);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Session {SessionId} from {Remote} is too far behind (more than {Capacity} queued messages); disconnecting")]
    public static partial void SlowConsumer(ILogger logger, long sessionId, string remote, int capacity);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Session {SessionId} sent a frame larger than {MaxBytes} bytes; connection dropped")]
    public static partial void FrameTooLarge(ILogger logger, long sessionId, int maxBytes);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "Session {SessionId} logged in as user {UserId} (broker {BrokerId}, api key: {IsApiKey})")]
    public static partial void LoggedIn(ILogger logger, long sessionId, int userId, int brokerId, bool isApiKey);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Session {SessionId} login refused: {Reason}")]
    public static partial void LoginRefused(ILogger logger, long sessionId, string reason);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Session {SessionId} idle for {Seconds} s; closing")]
    public static partial void IdleTimeout(ILogger logger, long sessionId, int seconds);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Warning, Message = "Session {SessionId} from {Remote} is too far behind (more than {MaxBytes} queued bytes); disconnecting")]
    public static partial void SlowConsumerBytes(ILogger logger, long sessionId, string remote, long maxBytes);

    // The exception (type, message, stack) is logged, never the frame: frames may carry passwords and secrets.
    [LoggerMessage(EventId = 4031, Level = LogLevel.Error, Message = "Session {SessionId}: a frame escaped every handler check; answered ERROR and kept the session")]
    public static partial void ReaderLoopRecovered(ILogger logger, Exception exception, long sessionId);
}
