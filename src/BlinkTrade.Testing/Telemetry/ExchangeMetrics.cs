using System.Diagnostics.Metrics;
using BlinkTrade.Client.Internal.Telemetry;

namespace BlinkTrade.Testing.Telemetry;

/// <summary>
/// The reference exchange's instruments on one <see cref="Meter"/> named <see cref="ExchangeTelemetry.Name"/>: from the
/// options' <see cref="IMeterFactory"/> when set, else a meter of this exchange's own (disposed with it), so parallel
/// tests each read their own exchange.
/// </summary>
/// <remarks>
/// Counting on the actor and the sessions' loops is one <c>Enabled</c> check when nothing listens.
/// </remarks>
internal sealed class ExchangeMetrics : IDisposable
{
    public const string MsgTypeTag = "blinktrade.msg_type";
    public const string ReasonTag = "blinktrade.reject_reason";

    private static readonly IReadOnlyList<double> DurationBuckets = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];

    private readonly OwnedMeter _owned;
    private readonly Meter _meter;
    private readonly Counter<long> _messagesReceived;
    private readonly Counter<long> _framesSent;
    private readonly Counter<long> _bytesSent;
    private readonly Counter<long> _orders;
    private readonly Counter<long> _trades;
    private readonly Counter<long> _rejects;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _slowConsumers;
    private readonly Histogram<double> _commandDuration;
    private readonly Histogram<int> _actorBatch;

    /// <summary>Creates the instruments.</summary>
    /// <param name="factory">The application's meter factory, or <see langword="null"/> for a meter of the exchange's own.</param>
    /// <param name="sessions">Reads the number of open sessions.</param>
    /// <param name="queuedBytes">Reads the bytes queued for sending over every session.</param>
    public ExchangeMetrics(IMeterFactory? factory, Func<int> sessions, Func<long> queuedBytes)
    {
        _owned = new OwnedMeter(factory, ExchangeTelemetry.Name);
        _meter = _owned.Meter;
        _meter.CreateObservableUpDownCounter("blinktrade.exchange.sessions", () => sessions(), "{session}", "Open protocol sessions (WebSocket and in-memory).");
        _meter.CreateObservableUpDownCounter("blinktrade.exchange.outbound.queued", () => queuedBytes(), "By", "Bytes queued for sending over every session (the slow-consumer bound applies per session).");
        _messagesReceived = _meter.CreateCounter<long>("blinktrade.exchange.messages.received", "{message}", "Protocol messages received, by MsgType (\"?\" when the frame has none).");
        _framesSent = _meter.CreateCounter<long>("blinktrade.exchange.messages.sent", "{message}", "Frames sent: replies, errors and publications.");
        _bytesSent = _meter.CreateCounter<long>("blinktrade.exchange.bytes.sent", "By", "Bytes of the frames sent.");
        _orders = _meter.CreateCounter<long>("blinktrade.exchange.orders", "{order}", "Orders accepted by the engine.");
        _trades = _meter.CreateCounter<long>("blinktrade.exchange.trades", "{trade}", "Trades (fills between two orders).");
        _rejects = _meter.CreateCounter<long>("blinktrade.exchange.order.rejects", "{order}", "Orders rejected by the engine, by OrdRejReason.");
        _errors = _meter.CreateCounter<long>("blinktrade.exchange.errors", "{message}", "ERROR replies to bad or refused requests, by the request's MsgType.");
        _slowConsumers = _meter.CreateCounter<long>("blinktrade.exchange.slow_consumer.disconnects", "{session}", "Sessions disconnected for falling too far behind their outbound queue bound.");
        _commandDuration = _meter.CreateHistogram("blinktrade.exchange.command.duration", "s", "Time the exchange actor spent on one work item (a request's engine command, a control-API call).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _actorBatch = _meter.CreateHistogram<int>("blinktrade.exchange.actor.batch", "{item}", "Work items the exchange actor took from its backlog in one go (recorded only when items queued up).");
    }

    public Meter Meter => _meter;

    public bool CommandDurationEnabled => _commandDuration.Enabled;

    public void MessageReceived(string? msgType) => _messagesReceived.AddTagged(1, MsgTypeTag, msgType ?? "?");

    public void FrameSent(int bytes)
    {
        _framesSent.Add(1);
        _bytesSent.Add(bytes);
    }

    public void Error(string? requestMsgType) => _errors.AddTagged(1, MsgTypeTag, requestMsgType ?? "?");

    public void OrdersAccepted(int count) => _orders.AddPositive(count);

    public void Trades(int count) => _trades.AddPositive(count);

    public void OrderRejected(int reason) => _rejects.AddTagged(1, ReasonTag, reason);

    public void SlowConsumerDisconnect() => _slowConsumers.Add(1);

    public void CommandCompleted(TimeSpan elapsed) => _commandDuration.Record(elapsed.TotalSeconds);

    public void ActorBatch(int items) => _actorBatch.Record(items);

    public void Dispose() => _owned.Dispose();
}
