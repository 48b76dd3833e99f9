using Microsoft.Extensions.Logging;

namespace BlinkTrade.Client.Diagnostics;

/// <summary>
/// Every log line of the client, with stable <see cref="EventId"/>s (1000–1699) so operators can filter and alert.
/// No method takes a credential: messages carry MsgTypes, ids and reasons only.
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Connecting to {Endpoint}")]
    public static partial void Connecting(ILogger logger, Uri? endpoint);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Connected to {Remote}")]
    public static partial void Connected(ILogger logger, string remote);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Connection lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Reconnect attempt {Attempt} in {Delay}")]
    public static partial void Reconnecting(ILogger logger, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Reconnect attempt failed: {Reason}")]
    public static partial void ReconnectFailed(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Disconnected: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Logged in as user {UserId} (broker {BrokerId})")]
    public static partial void LoggedIn(ILogger logger, long? userId, int? brokerId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Login failed: {StatusText}")]
    public static partial void LoginFailed(ILogger logger, string? statusText);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Skipped a malformed frame ({Kind}, MsgType {MsgType})")]
    public static partial void MalformedFrame(ILogger logger, Protocol.ProtocolErrorKind kind, string? msgType, Exception exception);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Received a message of unknown type {MsgType}")]
    public static partial void UnknownMessage(ILogger logger, string msgType);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Server ERROR: {Description} ({Detail}), ReqID {ReqId}")]
    public static partial void ServerError(ILogger logger, string? description, string? detail, string? reqId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Sending a {MsgType} frame failed")]
    public static partial void SendFailed(ILogger logger, string msgType, Exception exception);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Request {MsgType} {RequestId} timed out after {Timeout}")]
    public static partial void RequestTimedOut(ILogger logger, string msgType, string requestId, TimeSpan timeout);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Trace, Message = "Heartbeat latency {Latency}")]
    public static partial void HeartbeatLatency(ILogger logger, TimeSpan latency);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Heartbeat missed ({Missed} in a row)")]
    public static partial void HeartbeatMissed(ILogger logger, int missed);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Connection is stale after {Missed} missed heartbeats; replacing it")]
    public static partial void ConnectionStale(ILogger logger, int missed);

    [LoggerMessage(EventId = 1400, Level = LogLevel.Error, Message = "A subscriber of {Stream} threw; it stays subscribed")]
    public static partial void SubscriberFault(ILogger logger, string stream, Exception exception);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "A subscriber of {Stream} fell {Capacity} items behind and was unsubscribed")]
    public static partial void SubscriberOverflow(ILogger logger, string stream, int capacity);

    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "Order book {Symbol} out of sync ({Reason}); resubscribing")]
    public static partial void BookOutOfSync(ILogger logger, string symbol, string reason);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Market data request {MDReqID} rejected: {Reason}")]
    public static partial void MarketDataRejected(ILogger logger, string mdReqId, string? reason);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Resubscribed {Count} market-data subscriptions")]
    public static partial void Resubscribed(ILogger logger, int count);

    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Reconciled {Count} orders after reconnect ({Synthesized} missed reports synthesized, {Fills} with fills)")]
    public static partial void OrdersReconciled(ILogger logger, int count, int synthesized, int fills);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Order reconciliation failed")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information, Message = "Synthesized a report for order {OrderId} ({Text}): LastShares {LastSharesSatoshis} sat")]
    public static partial void ReportSynthesized(ILogger logger, long orderId, string? text, long lastSharesSatoshis);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Recovered after {Downtime} ({Attempts} attempts, {Subscriptions} subscriptions, {Reports} reports synthesized)")]
    public static partial void Recovered(ILogger logger, TimeSpan downtime, int attempts, int subscriptions, int reports);
}
