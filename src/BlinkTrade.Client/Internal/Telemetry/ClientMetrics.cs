using System.Diagnostics.Metrics;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Session;

namespace BlinkTrade.Client.Internal.Telemetry;

/// <summary>
/// The client's instruments, on one <see cref="Meter"/> named <see cref="BlinkTradeTelemetry.Name"/>
/// (docs/observability.md lists each: name, unit, tags, meaning).
/// </summary>
/// <remarks>
/// The meter comes from the application's <see cref="IMeterFactory"/> when one is configured (DI registers it), else
/// each client owns its own meter: no static instruments, so parallel tests with a <c>MetricCollector</c> or a
/// <c>MeterListener</c> per client see only their client. Recording is a no-op branch when nothing listens, which
/// keeps the receive loop's cost unchanged (docs/performance.md "Instrumentation").
/// </remarks>
internal sealed class ClientMetrics : IDisposable
{
    public const string MsgTypeTag = ClientActivities.MsgTypeTag;
    public const string StreamTag = "blinktrade.stream";
    public const string SymbolTag = "blinktrade.symbol";
    public const string StateTag = "blinktrade.connection.state";
    public const string ErrorTypeTag = "error.type";

    // Seconds; from sub-millisecond loopback round trips to the default 30 s request timeout.
    private static readonly IReadOnlyList<double> LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly OwnedMeter _owned;
    private readonly IDisposable _gauges;
    private readonly Meter _meter;
    private readonly Counter<long> _messagesReceived;
    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _bytesReceived;
    private readonly Counter<long> _bytesSent;
    private readonly Histogram<double> _requestDuration;
    private readonly Histogram<double> _heartbeatRoundTrip;
    private readonly Counter<long> _reconnectAttempts;
    private readonly Counter<long> _recoveries;
    private readonly Counter<long> _synthesizedReports;
    private readonly Counter<long> _bookResyncs;
    private readonly Counter<long> _subscriberDropped;
    private readonly Counter<long> _subscriberOverflows;
    private readonly Histogram<double> _pacingDelay;

    /// <summary>Creates the instruments.</summary>
    /// <param name="factory">The application's meter factory, or <see langword="null"/> for a meter of this client's own.</param>
    /// <param name="state">Reads the connection state, for the state gauge.</param>
    /// <param name="pendingRequests">Reads how many requests wait for an answer.</param>
    public ClientMetrics(IMeterFactory? factory, Func<ConnectionState> state, Func<int> pendingRequests)
    {
        _owned = new OwnedMeter(factory, BlinkTradeTelemetry.Name);
        _meter = _owned.Meter;
        _messagesReceived = _meter.CreateCounter<long>("blinktrade.client.messages.received", "{message}", "Protocol messages received and parsed, by MsgType.");
        _messagesSent = _meter.CreateCounter<long>("blinktrade.client.messages.sent", "{message}", "Protocol messages handed to the connection, by MsgType.");
        _bytesReceived = _meter.CreateCounter<long>("blinktrade.client.bytes.received", "By", "UTF-8 bytes of the frames received, by MsgType.");
        _bytesSent = _meter.CreateCounter<long>("blinktrade.client.bytes.sent", "By", "UTF-8 bytes of the frames sent, by MsgType.");
        _requestDuration = _meter.CreateHistogram("blinktrade.client.request.duration", "s",
            "From a request's send to its answer (an order: to its first execution report), by request MsgType; error.type on failures.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _heartbeatRoundTrip = _meter.CreateHistogram("blinktrade.client.heartbeat.duration", "s", "Heartbeat (TestRequest → Heartbeat) round trips.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _gauges = ClientGauges.Register(_meter, state, pendingRequests);
        _reconnectAttempts = _meter.CreateCounter<long>("blinktrade.client.reconnect.attempts", "{attempt}", "Attempts to open a replacement connection after a loss.");
        _recoveries = _meter.CreateCounter<long>("blinktrade.client.recoveries", "{recovery}", "Lost connections replaced and fully restored (login, subscriptions, orders).");
        _synthesizedReports = _meter.CreateCounter<long>("blinktrade.client.reports.synthesized", "{report}", "Execution reports the client made up from order state after a gap.");
        _bookResyncs = _meter.CreateCounter<long>("blinktrade.client.book.resyncs", "{resync}", "Local order books found out of sync and requested again, by symbol.");
        _subscriberDropped = _meter.CreateCounter<long>("blinktrade.client.subscriber.dropped", "{item}", "Items a slow subscriber of a state stream lost (oldest first), by stream.");
        _subscriberOverflows = _meter.CreateCounter<long>("blinktrade.client.subscriber.overflows", "{subscriber}", "Subscribers of an event stream unsubscribed for falling too far behind, by stream.");
        _pacingDelay = _meter.CreateHistogram("blinktrade.client.pacing.delay", "s", "How long a message waited for the client's own rate limiter, by MsgType.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    /// <summary>The meter (tests and the health check read it; the application gets it by name).</summary>
    public Meter Meter => _meter;

    public void MessageReceived(string msgType, int bytes)
    {
        _messagesReceived.AddTagged(1, MsgTypeTag, msgType);
        _bytesReceived.AddTagged(bytes, MsgTypeTag, msgType);
    }

    public void MessageSent(string msgType, int bytes)
    {
        _messagesSent.AddTagged(1, MsgTypeTag, msgType);
        _bytesSent.AddTagged(bytes, MsgTypeTag, msgType);
    }

    public bool RequestDurationEnabled => _requestDuration.Enabled;

    public void RequestCompleted(string msgType, TimeSpan elapsed, Exception? error)
    {
        if (error is null)
        {
            _requestDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(MsgTypeTag, msgType));
        }
        else
        {
            _requestDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(MsgTypeTag, msgType),
                new KeyValuePair<string, object?>(ErrorTypeTag, error.GetType().FullName));
        }
    }

    public void HeartbeatRoundTrip(TimeSpan roundTrip) => _heartbeatRoundTrip.Record(roundTrip.TotalSeconds);

    public void ReconnectAttempt() => _reconnectAttempts.Add(1);

    public void Recovered(int synthesizedReports)
    {
        _recoveries.Add(1);
        _synthesizedReports.AddPositive(synthesizedReports);
    }

    public void BookResync(string symbol) => _bookResyncs.AddTagged(1, SymbolTag, symbol);

    public void SubscriberDropped(string stream) => _subscriberDropped.AddTagged(1, StreamTag, stream);

    public void SubscriberOverflow(string stream) => _subscriberOverflows.AddTagged(1, StreamTag, stream);

    public void PacingDelay(string msgType, TimeSpan delay) => _pacingDelay.Record(delay.TotalSeconds, new KeyValuePair<string, object?>(MsgTypeTag, msgType));

    /// <summary>Takes this client off the shared gauges; disposes the meter when the client created it (a factory's meters
    /// are the factory's).</summary>
    public void Dispose()
    {
        _gauges.Dispose();
        _owned.Dispose();
    }
}
