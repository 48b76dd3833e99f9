using System.Net;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Trading;
using BlinkTrade.Client.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Client.Tests.Session;

/// <summary>The client over a real <c>ClientWebSocket</c> (the default transport) against a loopback Kestrel server
/// whose sockets are driven by the same scripted peer as the in-memory tests.</summary>
public sealed class WebSocketEndToEndTests : IAsyncLifetime
{
    private WebApplication? _app;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/trade/", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await using var connection = new WebSocketConnection(socket, "client");
            await using var peer = new ScriptedPeer(connection, p =>
            {
                ExchangeScripts.Standard(p);
                p.Respond<NewOrderSingle>(o => new ExecutionReport
                {
                    OrderID = 1, ClOrdID = o.ClOrdID, ExecID = 1, ExecType = ExecType.New, OrdStatus = OrdStatus.New,
                    Symbol = o.Symbol, Side = o.Side, OrdType = o.OrdType, OrderQty = o.OrderQty, LeavesQty = o.OrderQty, Price = o.Price ?? default,
                });
            });
            await peer.Completion;
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _endpoint = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/trade/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Login_ping_and_an_order_over_a_real_websocket()
    {
        await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Endpoint = _endpoint,
            BrokerId = 5,
            Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, ExchangeScripts.Password),
        });

        await client.ConnectAsync().WaitAsync(TestDefaults.Timeout);
        Assert.Equal(ConnectionState.LoggedIn, client.State);
        Assert.True(await client.PingAsync().WaitAsync(TestDefaults.Timeout) >= TimeSpan.Zero);
        var report = await client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(600m))).WaitAsync(TestDefaults.Timeout);
        Assert.Equal(ExecType.New, report.ExecType);
        await client.DisconnectAsync().WaitAsync(TestDefaults.Timeout);
        Assert.Equal(ConnectionState.Disconnected, client.State);
    }
}
