using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using BlinkTrade.Client;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue 15: the client's meter, spans and health check, read from outside after a scripted session against the
/// reference exchange (one order, one dropped connection).
/// </summary>
public sealed class TelemetryTests
{
    private const long Coin = 1_0000_0000;
    private static readonly ActivitySource TestSource = new("BlinkTrade.EndToEnd.Tests.Telemetry");

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_scripted_session_is_measured_one_order_one_latency_one_reconnect_one_recovery(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var sent = Collect<long>(meters, "blinktrade.client.messages.sent");
        using var received = Collect<long>(meters, "blinktrade.client.messages.received");
        using var bytesIn = Collect<long>(meters, "blinktrade.client.bytes.received");
        using var bytesOut = Collect<long>(meters, "blinktrade.client.bytes.sent");
        using var durations = Collect<double>(meters, "blinktrade.client.request.duration");
        using var attempts = Collect<long>(meters, "blinktrade.client.reconnect.attempts");
        using var recoveries = Collect<long>(meters, "blinktrade.client.recoveries");
        using var state = Collect<int>(meters, "blinktrade.client.connection.state");
        using var pending = Collect<int>(meters, "blinktrade.client.requests.pending");

        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, o => o.MeterFactory = meters);
        var health = new BlinkTradeClientHealthCheck(alice);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(Context(health), ct)).Status);

        // One order: one request-duration measurement for D (order send → first execution report).
        var loginRequests = durations.GetMeasurementSnapshot().Count;
        var report = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(100m)), ct);
        Assert.Equal(OrdStatus.New, report.OrdStatus);
        var orderDurations = durations.GetMeasurementSnapshot().Where(m => Tag(m.Tags, "blinktrade.msg_type") == "D").ToList();
        var orderDuration = Assert.Single(orderDurations);
        Assert.True(orderDuration.Value > 0, "a round trip takes time");
        Assert.Null(Tag(orderDuration.Tags, "error.type"));
        Assert.True(loginRequests >= 1, "the login (BE) was measured too");
        Assert.Equal(1, Sum(sent, "D"));
        Assert.True(Sum(received, "8") >= 1, "the order's report was counted");
        Assert.True(bytesIn.GetMeasurementSnapshot().Sum(m => m.Value) > 0 && bytesOut.GetMeasurementSnapshot().Sum(m => m.Value) > 0);

        state.RecordObservableInstruments();
        Assert.Equal(1, state.GetMeasurementSnapshot().Last(m => Tag(m.Tags, "blinktrade.connection.state") == "logged_in").Value);
        Assert.Equal(0, state.GetMeasurementSnapshot().Last(m => Tag(m.Tags, "blinktrade.connection.state") == "reconnecting").Value);
        pending.RecordObservableInstruments();
        Assert.Equal(0, pending.LastMeasurement!.Value);

        // One dropped connection: one recovery, at least one reconnect attempt (the first succeeds here).
        var recovered = alice.Recoveries.FirstAsync().ToTask(ct);
        Assert.True(h.Exchange.Faults.DropAllConnections() >= 1);
        await recovered;
        Assert.Equal(1, recoveries.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.True(attempts.GetMeasurementSnapshot().Sum(m => m.Value) >= 1);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(Context(health), ct)).Status);

        await alice.DisconnectAsync(ct);
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(Context(health), ct)).Status);
        state.RecordObservableInstruments();
        Assert.Equal(1, state.GetMeasurementSnapshot().Last(m => Tag(m.Tags, "blinktrade.connection.state") == "disconnected").Value);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Each_request_is_a_span_under_the_callers_trace_tagged_with_ids_and_never_a_secret(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var root = new ActivityListenerScope(TestSource.Name, BlinkTradeTelemetry.Name);
        using var parent = TestSource.StartActivity("test")!;
        root.Listener.ActivityStopped = a =>
        {
            if (a.TraceId == parent.TraceId && a.Source.Name == BlinkTradeTelemetry.Name)
            {
                spans.Enqueue(a);
            }
        };

        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(100m)) with { ClOrdID = "span-1" }, ct);

        var order = Assert.Single(spans, s => s.GetTagItem("blinktrade.msg_type") as string == "D");
        Assert.Equal(ActivityKind.Client, order.Kind);
        Assert.Equal("span-1", order.GetTagItem("blinktrade.cl_ord_id"));
        Assert.Equal(ActivityStatusCode.Unset, order.Status);
        var login = Assert.Single(spans, s => s.GetTagItem("blinktrade.msg_type") as string == "BE");
        foreach (var tag in spans.SelectMany(s => s.TagObjects))
        {
            Assert.DoesNotContain(E2EHarness.Password, tag.Value?.ToString() ?? "", StringComparison.Ordinal);
        }
        Assert.True(login.Duration > TimeSpan.Zero);
    }

    private static MetricCollector<T> Collect<T>(IMeterFactory meters, string instrument)
        where T : struct => new(meters, BlinkTradeTelemetry.Name, instrument);

    private static long Sum(MetricCollector<long> collector, string msgType)
        => collector.GetMeasurementSnapshot().Where(m => Tag(m.Tags, "blinktrade.msg_type") == msgType).Sum(m => m.Value);

    private static string? Tag(IReadOnlyDictionary<string, object?> tags, string name) => tags.TryGetValue(name, out var value) ? value as string : null;

    private static HealthCheckContext Context(IHealthCheck check)
        => new() { Registration = new HealthCheckRegistration("blinktrade", check, HealthStatus.Unhealthy, null) };

    /// <summary>An activity listener for the named sources, removed on dispose.</summary>
    private sealed class ActivityListenerScope : IDisposable
    {
        public ActivityListenerScope(params string[] sources)
        {
            Listener = new ActivityListener
            {
                ShouldListenTo = source => sources.Contains(source.Name),
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(Listener);
        }

        public ActivityListener Listener { get; }

        public void Dispose() => Listener.Dispose();
    }
}
