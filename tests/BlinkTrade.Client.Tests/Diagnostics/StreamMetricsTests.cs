using System.Diagnostics.Metrics;
using BlinkTrade.Client.Internal.Streams;
using BlinkTrade.Client.Internal.Telemetry;
using BlinkTrade.Client.Session;
using BlinkTrade.Client.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlinkTrade.Client.Tests.Diagnostics;

/// <summary>Issue 15: a slow subscriber's losses are counted, never silent (nats.net's MessageDropped / SlowConsumerDetected).</summary>
public sealed class StreamMetricsTests
{
    [Fact]
    public async Task A_state_stream_counts_what_a_slow_subscriber_drops_and_an_event_stream_counts_the_overflowed_subscriber()
    {
        using var metrics = new ClientMetrics(null, () => ConnectionState.Disconnected, () => 0);
        var dropped = new List<(long Value, string? Stream)>();
        var overflows = new List<(long Value, string? Stream)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var stream = tags.ToArray().FirstOrDefault(t => t.Key == "blinktrade.stream").Value as string;
            var target = instrument.Name switch
            {
                "blinktrade.client.subscriber.dropped" => dropped,
                "blinktrade.client.subscriber.overflows" => overflows,
                _ => null,
            };
            if (target is not null)
            {
                lock (target)
                {
                    target.Add((value, stream));
                }
            }
        });
        listener.Start();

        // A state stream (DropOldest, capacity 2): the subscriber is stuck on its first item while 6 more arrive.
        var state = new SafeSubject<int>("Balances", OverflowPolicy.DropOldest, 2, replayLatest: false, NullLogger.Instance, null, TimeProvider.System, metrics);
        using var gate = new ManualResetEventSlim(false);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new RecordingObserver<int> { OnNextAction = _ => { started.TrySetResult(); gate.Wait(TestDefaults.Timeout); } };
        state.Subscribe(slow);
        state.OnNext(0);
        await started.Task.WaitAsync(TestDefaults.Timeout); // item 0 is out of the queue, in the subscriber
        for (var i = 1; i <= 6; i++)
        {
            state.OnNext(i);
        }
        gate.Set();
        await slow.WaitUntilAsync(items => items.Count == 3);
        Assert.Equal([0, 5, 6], slow.Items); // the newest state survives
        lock (dropped)
        {
            Assert.Equal(4, dropped.Sum(d => d.Value));
            Assert.All(dropped, d => Assert.Equal("Balances", d.Stream));
        }

        // An event stream (FaultSubscriber, capacity 1): the stuck subscriber is unsubscribed, once, and counted.
        var events = new SafeSubject<int>("ExecutionReports", OverflowPolicy.FaultSubscriber, 1, replayLatest: false, NullLogger.Instance, null, TimeProvider.System, metrics);
        using var gate2 = new ManualResetEventSlim(false);
        var started2 = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = new RecordingObserver<int> { OnNextAction = _ => { started2.TrySetResult(); gate2.Wait(TestDefaults.Timeout); } };
        events.Subscribe(stuck);
        events.OnNext(0);
        await started2.Task.WaitAsync(TestDefaults.Timeout);
        events.OnNext(1);
        events.OnNext(2); // the queue (1) is full: overflow
        events.OnNext(3); // already unsubscribed: not counted again
        gate2.Set();
        await stuck.WaitForTerminalAsync();
        lock (overflows)
        {
            Assert.Equal([(1L, "ExecutionReports")], overflows);
        }
    }
}
