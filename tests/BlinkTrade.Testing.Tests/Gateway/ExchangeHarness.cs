using BlinkTrade.Client.Transport;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>Starts a reference exchange (with the WebSocket server when asked) and connects raw clients over either transport.</summary>
public sealed class ExchangeHarness : IAsyncDisposable
{
    public const string Password = "abc12345";

    private ExchangeHarness(ReferenceExchange exchange, TransportKind kind, FakeTimeProvider clock)
    {
        Exchange = exchange;
        Kind = kind;
        Clock = clock;
    }

    public ReferenceExchange Exchange { get; }

    public TransportKind Kind { get; }

    public FakeTimeProvider Clock { get; }

    public int AliceId { get; private set; }

    public int BobId { get; private set; }

    public static async Task<ExchangeHarness> StartAsync(TransportKind kind = TransportKind.InMemory, Func<ReferenceExchangeOptions, ReferenceExchangeOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var options = new ReferenceExchangeOptions
        {
            TimeProvider = clock,
            PasswordHashIterations = 1000,
            MaxMessagesPerSecond = 0,
            EnableWebSocketServer = kind == TransportKind.WebSocket,
        };
        options = configure?.Invoke(options) ?? options;
        var exchange = await ReferenceExchange.StartAsync(options);
        var harness = new ExchangeHarness(exchange, kind, clock);
        await exchange.CreateBrokerAsync(5, "exchange", makerFeeBps: 10, takerFeeBps: 20, password: "broker12345");
        await exchange.CreateInstrumentAsync("BTCUSD", "BTC", "USD", tickSize: new(1_000_000), minQty: new(10_000));
        harness.AliceId = await exchange.CreateUserAsync("alice", Password, 5, "alice@example.com");
        harness.BobId = await exchange.CreateUserAsync("bob", Password, 5, "bob@example.com");
        return harness;
    }

    public async Task<GatewayClient> ConnectAsync(string clientIp = "127.0.0.1")
    {
        IBlinkTradeConnection connection = Kind == TransportKind.InMemory
            ? await Exchange.CreateInMemoryTransport(clientIp).ConnectAsync(new Uri("ws://in-memory/trade/"), CancellationToken.None)
            : await new WebSocketTransport().ConnectAsync(Exchange.WebSocketUri!, CancellationToken.None);
        return new GatewayClient(connection);
    }

    /// <summary>A WebSocket client whatever the harness kind (the exchange must have its WebSocket server enabled).</summary>
    public async Task<GatewayClient> ConnectWebSocketAsync() =>
        new(await new WebSocketTransport().ConnectAsync(Exchange.WebSocketUri!, CancellationToken.None));

    public async Task<GatewayClient> LoginAsync(string username, string password = Password)
    {
        var client = await ConnectAsync();
        var bf = await client.RequestAsync($$"""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"{{username}}","Password":"{{password}}","UserReqTyp":"1"}""", "BF");
        Assert.Equal(1, bf.GetProperty("UserStatus").GetInt32());
        return client;
    }

    public ValueTask DisposeAsync() => Exchange.DisposeAsync();
}
