using System.Net;
using System.Net.Http;
using BlinkTrade.Client;
using BlinkTrade.Testing.Tests.Gateway;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;
using BlinkTrade.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics.Metrics;

namespace BlinkTrade.Testing.Tests.Telemetry;

/// <summary>Issue 15: the reference exchange's meter and the standalone server's probes.</summary>
public sealed class ExchangeTelemetryTests
{
    [Fact]
    public async Task The_web_host_answers_the_liveness_and_readiness_probes()
    {
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { EnableWebSocketServer = true, PasswordHashIterations = 1 });
        using var http = new HttpClient { BaseAddress = exchange.HttpBaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var live = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        var ready = await http.GetAsync(new Uri("readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        // The WebSocket entry points still answer plain HTTP as before.
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(new Uri("trade/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_meter_counts_sessions_and_times_the_actors_work_items()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var sessions = new MetricCollector<int>(meters, ExchangeTelemetry.Name, "blinktrade.exchange.sessions");
        using var commands = new MetricCollector<double>(meters, ExchangeTelemetry.Name, "blinktrade.exchange.command.duration");
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { PasswordHashIterations = 1, MeterFactory = meters });
        await exchange.CreateBrokerAsync(5, "exchange");
        await exchange.CreateUserAsync("alice", "alice-pw-1", 5);
        Assert.True(commands.GetMeasurementSnapshot().Count >= 2, "each control call is one work item on the actor");
        Assert.All(commands.GetMeasurementSnapshot(), m => Assert.True(m.Value >= 0));

        sessions.RecordObservableInstruments();
        Assert.Equal(0, sessions.LastMeasurement!.Value);
        await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Transport = exchange.CreateInMemoryTransport(),
            BrokerId = 5,
            Credentials = BlinkTradeCredentials.FromPassword("alice", "alice-pw-1"),
        });
        await client.ConnectAsync();
        sessions.RecordObservableInstruments();
        Assert.Equal(1, sessions.LastMeasurement!.Value);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_scripted_session_counts_messages_orders_trades_rejects_and_errors(TransportKind kind)
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var received = new MetricCollector<long>(meters, ExchangeTelemetry.Name, "blinktrade.exchange.messages.received");
        using var sent = new MetricCollector<long>(meters, ExchangeTelemetry.Name, "blinktrade.exchange.messages.sent");
        using var orders = new MetricCollector<long>(meters, ExchangeTelemetry.Name, "blinktrade.exchange.orders");
        using var trades = new MetricCollector<long>(meters, ExchangeTelemetry.Name, "blinktrade.exchange.trades");
        using var rejects = new MetricCollector<long>(meters, ExchangeTelemetry.Name, "blinktrade.exchange.order.rejects");
        using var errors = new MetricCollector<long>(meters, ExchangeTelemetry.Name, "blinktrade.exchange.errors");
        await using var harness = await StartFundedAsync(kind, o => o with { MeterFactory = meters });
        await using var alice = await harness.LoginAsync("alice");
        await using var bob = await harness.LoginAsync("bob");

        await alice.SendAsync(Order("bid", "1", 500 * Btc, Btc));
        await alice.WaitForAsync(Er("bid", "0"));
        await bob.SendAsync(Order("ask", "2", 500 * Btc, Btc));
        await bob.WaitForAsync(Er("ask", "2"));
        await bob.SendAsync(Order("broke", "2", 500 * Btc, 1_000 * Btc)); // more BTC than bob has: rejected
        await bob.WaitForAsync(Er("broke", "8"));
        var error = await bob.RequestAsync("""{"MsgType":"D","ClOrdID":7}""", "ERROR"); // a ClOrdID must be a string
        Assert.Equal("ERROR", error.GetProperty("MsgType").GetString());

        Assert.Equal(2, orders.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(1, trades.GetMeasurementSnapshot().Sum(m => m.Value));
        var reject = Assert.Single(rejects.GetMeasurementSnapshot());
        Assert.Equal(3, reject.Tags["blinktrade.reject_reason"]); // OrdRejReason 3: insufficient funds
        Assert.Equal(1, errors.GetMeasurementSnapshot().Where(m => (string?)m.Tags["blinktrade.msg_type"] == "D").Sum(m => m.Value));
        Assert.Equal(4, received.GetMeasurementSnapshot().Where(m => (string?)m.Tags["blinktrade.msg_type"] == "D").Sum(m => m.Value));
        Assert.True(sent.GetMeasurementSnapshot().Sum(m => m.Value) >= 8, "logins, reports, balance updates and the ERROR were counted");
    }
}
