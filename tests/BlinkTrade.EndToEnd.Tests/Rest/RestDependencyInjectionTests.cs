using BlinkTrade.ApiKeys;
using BlinkTrade.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BlinkTrade.EndToEnd.Tests.Rest;

/// <summary>Issue #19: the REST clients from IHttpClientFactory reach the exchange with the registered pipeline.</summary>
public sealed class RestDependencyInjectionTests
{
    private const long Coin = 1_0000_0000;

    [Fact]
    public async Task Registered_clients_trade_and_read_market_data_through_the_factory()
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(TransportKind.InMemory, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10 * Coin, cancellationToken: ct);
        var key = await h.Exchange.CreateApiKeyAsync(aliceId, """{"*":[]}""", cancellationToken: ct);
        var services = new ServiceCollection();
        void Configure(BlinkTradeRestOptions o)
        {
            o.Endpoint = new Uri("http://localhost/");
            o.Credential = new ApiKeysCredential(key.ApiKey, key.SecretKey);
        }
        services.AddBlinkTradeRest(Configure).ConfigurePrimaryHttpMessageHandler(() => h.Exchange.CreateInMemoryHttpHandlerAsync(cancellationToken: ct).GetAwaiter().GetResult());
        services.AddBlinkTradeMarketData(Configure).ConfigurePrimaryHttpMessageHandler(() => h.Exchange.CreateInMemoryHttpHandlerAsync(cancellationToken: ct).GetAwaiter().GetResult());
        await using var provider = services.BuildServiceProvider();

        var rest = provider.GetRequiredService<BlinkTradeRestClient>();
        var market = provider.GetRequiredService<BlinkTradeMarketDataClient>();
        Assert.Equal(10 * Coin, (await rest.GetBalanceAsync(ct)).Reply.Balances[E2EHarness.BrokerId]["USD"].Total?.Satoshis);
        Assert.Equal("BTCUSD", (await market.GetOrderBookAsync("USD", cancellationToken: ct)).Pair);
    }
}
