using System.Reflection;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing;

namespace BlinkTrade.Client.Tests.Session;

// The public-API items of issue 14: one exception base, an optional Endpoint for transports that need no address.
public sealed class ClientApiShapeTests
{
    [Fact]
    public void Every_public_exception_of_the_client_derives_from_BlinkTradeException()
    {
        var exceptions = typeof(BlinkTradeClient).Assembly.GetExportedTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t))
            .ToList();
        Assert.Contains(typeof(ProtocolException), exceptions);
        Assert.Contains(typeof(ConnectionClosedException), exceptions);
        Assert.True(exceptions.Count >= 10, $"found only {exceptions.Count} exception types");
        Assert.All(exceptions, t => Assert.True(typeof(BlinkTradeException).IsAssignableFrom(t), t.FullName + " does not derive from BlinkTradeException"));
    }

    [Fact]
    public async Task One_catch_handles_what_the_client_throws()
    {
        await using var harness = ClientHarness.Create(p => { }, o => o.RequestTimeout = TimeSpan.FromSeconds(5));
        var peer = await harness.ConnectAsync();
        // The scripted peer never answers: the request times out on the client's clock.
        var request = CatchAsync(() => harness.Client.PingAsync());
        await peer.ExpectAsync<TestRequest>();
        harness.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.IsType<BlinkTradeTimeoutException>(await request);

        await harness.Client.DisconnectAsync();
        Assert.IsType<ConnectionClosedException>(await CatchAsync(() => harness.Client.PingAsync()));

        static async Task<BlinkTradeException?> CatchAsync(Func<Task> call)
        {
            try
            {
                await call().WaitAsync(TestDefaults.Timeout);
                return null;
            }
            catch (BlinkTradeException e)
            {
                return e;
            }
        }
    }

    [Fact]
    public void Endpoint_is_required_for_the_WebSocket_transport_only()
    {
        Assert.Throws<ArgumentException>(new BlinkTradeClientOptions().Validate);
        Assert.Throws<ArgumentException>(new BlinkTradeClientOptions { Transport = new WebSocketTransport() }.Validate);
        Assert.Throws<ArgumentException>(new BlinkTradeClientOptions { Endpoint = new Uri("https://not-a-websocket.example") }.Validate);
        new BlinkTradeClientOptions { Endpoint = TestDefaults.Endpoint }.Validate();
    }

    [Fact]
    public async Task A_client_over_the_in_memory_transport_needs_no_endpoint()
    {
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { PasswordHashIterations = 1 });
        await exchange.CreateBrokerAsync(5, "testnet");
        await exchange.CreateUserAsync("erin", "erin-pw-1", 5);
        var options = new BlinkTradeClientOptions
        {
            BrokerId = 5,
            Transport = exchange.CreateInMemoryTransport(),
            Credentials = BlinkTradeCredentials.FromPassword("erin", "erin-pw-1"),
        };
        Assert.Null(options.Endpoint);

        await using var client = new BlinkTradeClient(options);
        await client.ConnectAsync().WaitAsync(TestDefaults.Timeout);
        Assert.Equal(ConnectionState.LoggedIn, client.State);
        Assert.True(await client.PingAsync().WaitAsync(TestDefaults.Timeout) > TimeSpan.Zero);
    }
}
