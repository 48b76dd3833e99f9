using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Transport;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlinkTrade.Client.Tests.DependencyInjection;

public sealed class ServiceCollectionTests
{
    [Fact]
    public async Task AddBlinkTradeClient_registers_one_client_using_the_container_transport_clock_and_logging()
    {
        await using var transport = new ScriptedTransport(p => p.AnswerHeartbeats());
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<IBlinkTradeTransport>(transport);
        services.AddSingleton<TimeProvider>(time);
        services.AddBlinkTradeClient(o =>
        {
            o.Endpoint = TestDefaults.Endpoint;
            o.BrokerId = 5;
        });

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBlinkTradeClient>();
        Assert.Same(client, provider.GetRequiredService<BlinkTradeClient>());
        var concrete = (BlinkTradeClient)client;
        Assert.Same(time, concrete.Options.TimeProvider);
        Assert.Same(transport, concrete.Options.Transport);

        await client.ConnectAsync();
        Assert.Equal(1, transport.Attempts);
        Assert.Equal(ConnectionState.Connected, client.State);
    }

    [Fact]
    public void Invalid_options_fail_when_the_client_is_resolved()
    {
        var services = new ServiceCollection().AddBlinkTradeClient(o => o.Endpoint = new Uri("https://not-a-websocket.example"));
        using var provider = services.BuildServiceProvider();
        Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IBlinkTradeClient>());
    }
}
