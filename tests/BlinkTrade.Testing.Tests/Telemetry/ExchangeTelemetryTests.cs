using System.Net;
using System.Net.Http;
using BlinkTrade.Client;
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
}
