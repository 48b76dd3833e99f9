using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Testing;
using OrderBookSnapshot = BlinkTrade.Client.MarketData.OrderBookSnapshot;

namespace BlinkTrade.Client.Tests.Exchange;

/// <summary>Session features against the reference exchange: API-key login, signup, two-factor, reconnect.</summary>
public sealed class ReferenceExchangeSessionTests
{
    private static async Task<ReferenceExchange> StartAsync()
    {
        var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            PasswordHashIterations = 1,
            MaxMessagesPerSecond = 100_000,
            SecondFactorCodeProvider = new FixedCodeProvider(),
        });
        await exchange.CreateBrokerAsync(5, "testnet");
        await exchange.CreateInstrumentAsync("BTCUSD", "BTC", "USD");
        return exchange;
    }

    private static BlinkTradeClient Client(ReferenceExchange exchange, BlinkTradeCredentials? credentials) => new(new BlinkTradeClientOptions
    {
        Endpoint = TestDefaults.Endpoint,
        BrokerId = 5,
        Transport = exchange.CreateInMemoryTransport(),
        Credentials = credentials,
    });

    [Fact]
    public async Task Api_key_login_and_a_wrong_api_password_is_refused()
    {
        await using var exchange = await StartAsync();
        var userId = await exchange.CreateUserAsync("dave", "dave-pw-1", 5);
        var key = await exchange.CreateApiKeyAsync(userId, """{"*":[]}""");

        await using var client = Client(exchange, BlinkTradeCredentials.FromApiKey(key.ApiKey, key.ApiPassword!));
        await client.ConnectAsync().WaitAsync(TestDefaults.Timeout);
        Assert.Equal(userId, client.CurrentUser?.UserID);

        await using var intruder = Client(exchange, BlinkTradeCredentials.FromApiKey(key.ApiKey, "wrong"));
        var refused = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => intruder.ConnectAsync().WaitAsync(TestDefaults.Timeout));
        Assert.NotNull(refused.StatusText);
    }

    [Fact]
    public async Task Signup_then_two_factor_then_a_login_that_needs_the_code()
    {
        await using var exchange = await StartAsync();
        await using var client = Client(exchange, null);
        await client.ConnectAsync().WaitAsync(TestDefaults.Timeout);

        await client.SignupAsync("erin", "erin-pw-1", "erin@example.com", "US");
        if (client.CurrentUser is null)
        {
            await client.LoginAsync(BlinkTradeCredentials.FromPassword("erin", "erin-pw-1"));
        }
        var secret = await client.SetTwoFactorAsync(true);
        Assert.False(secret.TwoFactorEnabled);
        var enabled = await client.SetTwoFactorAsync(true, secret.TwoFactorSecret, "123456");
        Assert.True(enabled.TwoFactorEnabled);
        await client.LogoutAsync();

        var missing = await Assert.ThrowsAsync<BlinkTradeLoginException>(() => client.LoginAsync(BlinkTradeCredentials.FromPassword("erin", "erin-pw-1")));
        Assert.True(missing.NeedSecondFactor);
        await client.LoginAsync(BlinkTradeCredentials.FromPassword("erin", "erin-pw-1") with { SecondFactorProvider = _ => ValueTask.FromResult<SecretString>("123456") });
        Assert.Equal(ConnectionState.LoggedIn, client.State);
    }

    [Fact]
    public async Task Dropped_connections_are_replaced_with_re_login_and_a_reset_book()
    {
        await using var exchange = await StartAsync();
        var userId = await exchange.CreateUserAsync("frank", "frank-pw-1", 5);
        await exchange.CreditAsync(userId, "USD", new(1_000_000_00000000));
        await using var client = Client(exchange, BlinkTradeCredentials.FromPassword("frank", "frank-pw-1"));
        var states = new RecordingObserver<ConnectionStateChange>();
        var books = new RecordingObserver<OrderBookSnapshot>();
        client.ConnectionStates.Subscribe(states);
        using var subscription = client.ObserveOrderBook("BTCUSD").Subscribe(books);
        await client.ConnectAsync().WaitAsync(TestDefaults.Timeout);
        await books.WaitForAsync(s => s.IsReset);

        exchange.Faults.DropAllConnections();

        await states.WaitForAsync(s => s.State == ConnectionState.LoggedIn && s.Reason.StartsWith("Reconnected", StringComparison.Ordinal));
        await books.WaitForAsync(s => s.IsReset && s.Sequence > 1);
        var order = await client.SendOrderAsync(BlinkTrade.Client.Trading.NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(500m)));
        Assert.Equal(order.OrderID, (await books.WaitForAsync(s => s.Bids.Count == 1)).Bids[0].OrderId);
    }
}
