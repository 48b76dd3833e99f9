using System.Net.Sockets;
using System.Text;

namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>Issue 12 (item 6): connections that never upgrade and sessions that never log in are closed.</summary>
public sealed class ConnectionDeadlineTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_session_that_never_logs_in_is_closed_with_a_reason_on_the_exchange_clock(TransportKind kind)
    {
        await using var harness = await ExchangeHarness.StartAsync(kind);
        await using var anonymous = await harness.ConnectAsync();
        await using var loggedIn = await harness.LoginAsync("alice");
        await using var watcher = await harness.ConnectAsync();   // anonymous market data is allowed to stay
        await watcher.RequestAsync("""{"MsgType":"V","MDReqID":"w","SubscriptionRequestType":"1","MarketDepth":0,"MDUpdateType":"1","MDEntryTypes":["0","1"],"Instruments":["BTCUSD"]}""", "W");
        await anonymous.RequestAsync("""{"MsgType":"1","TestReqID":"still here"}""", "0");   // talking is not logging in

        harness.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("early", (await anonymous.RequestAsync("""{"MsgType":"1","TestReqID":"early"}""", "0")).GetProperty("TestReqID").GetString());
        harness.Clock.Advance(TimeSpan.FromSeconds(1));

        var error = await anonymous.WaitForTypeAsync("ERROR");
        Assert.Equal("Session timeout", error.GetProperty("Description").GetString());
        Assert.Equal("Not logged in within 30 seconds", error.GetProperty("Detail").GetString());
        Assert.True(await anonymous.WaitForCloseAsync());

        Assert.Equal("alive", (await loggedIn.RequestAsync("""{"MsgType":"1","TestReqID":"alive"}""", "0")).GetProperty("TestReqID").GetString());
        Assert.Equal("alive", (await watcher.RequestAsync("""{"MsgType":"1","TestReqID":"alive"}""", "0")).GetProperty("TestReqID").GetString());
    }

    [Fact]
    public async Task A_session_that_logs_in_and_out_again_is_not_closed_by_the_login_deadline()
    {
        await using var harness = await ExchangeHarness.StartAsync();
        await using var client = await harness.LoginAsync("alice");
        await client.RequestAsync("""{"MsgType":"BE","UserReqID":2,"UserReqTyp":"2"}""", "BF");
        harness.Clock.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal("ok", (await client.RequestAsync("""{"MsgType":"1","TestReqID":"ok"}""", "0")).GetProperty("TestReqID").GetString());
        Assert.Equal(0, harness.Exchange.Runtime.LoginDeadlines.Count);
    }

    [Fact]
    public async Task A_login_waiting_for_its_password_check_is_not_closed_and_a_failed_one_gets_a_fresh_deadline()
    {
        await using var harness = await ExchangeHarness.StartAsync(configure: o => o with { PasswordHashConcurrency = 1, IdleTimeout = TimeSpan.Zero });
        using var gate = new ManualResetEventSlim();
        var hashing = harness.Exchange.Runtime.PasswordHasher;
        var blocker = hashing.RunAsync(() => gate.Wait(TimeSpan.FromSeconds(30)), CancellationToken.None);   // a burst ahead of us
        await using var queued = await harness.ConnectAsync();
        await using var failing = await harness.ConnectAsync();
        await queued.SendAsync("""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"alice","Password":"abc12345","UserReqTyp":"1"}""");
        await failing.SendAsync("""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"bob","Password":"wrong","UserReqTyp":"1"}""");
        while (hashing.Pending < 3)
        {
            await Task.Yield();   // both logins queued behind the blocker
        }

        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        gate.Set();
        await blocker;
        Assert.Equal(1, (await queued.WaitForTypeAsync("BF")).GetProperty("UserStatus").GetInt32());
        Assert.Equal(3, (await failing.WaitForTypeAsync("BF")).GetProperty("UserStatus").GetInt32());

        // The failed attempt restarted the deadline: the full timeout from now, then closed.
        harness.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("ok", (await failing.RequestAsync("""{"MsgType":"1","TestReqID":"ok"}""", "0")).GetProperty("TestReqID").GetString());
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Session timeout", (await failing.WaitForTypeAsync("ERROR")).GetProperty("Description").GetString());
        Assert.True(await failing.WaitForCloseAsync());
        Assert.Equal("ok", (await queued.RequestAsync("""{"MsgType":"1","TestReqID":"ok"}""", "0")).GetProperty("TestReqID").GetString());
    }

    [Fact]
    public async Task A_zero_login_timeout_keeps_anonymous_sessions()
    {
        await using var harness = await ExchangeHarness.StartAsync(configure: o => o with { LoginTimeout = TimeSpan.Zero });
        await using var client = await harness.ConnectAsync();
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal("ok", (await client.RequestAsync("""{"MsgType":"1","TestReqID":"ok"}""", "0")).GetProperty("TestReqID").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("GET /trade/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n")]
    public async Task A_tcp_connection_that_never_completes_the_upgrade_is_closed_by_the_handshake_timeout(string partialRequest)
    {
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.WebSocket, o => o with { HandshakeTimeout = TimeSpan.FromSeconds(1) });
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", harness.Exchange.WebSocketUri!.Port);
        if (partialRequest.Length > 0)
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(partialRequest));
        }

        // Wait for the server's close (end of stream or reset), not for wall time; the budget is only a safety net.
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[4096];
        var closed = false;
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, budget.Token) > 0)
            {
                // Kestrel may answer 408 before closing; keep reading until the end.
            }
            closed = true;
        }
        catch (SocketException)
        {
            closed = true;   // reset by the server
        }
        Assert.True(closed);

        // The server still accepts and serves a proper client.
        await using var client = await harness.ConnectAsync();
        Assert.Equal("ok", (await client.RequestAsync("""{"MsgType":"1","TestReqID":"ok"}""", "0")).GetProperty("TestReqID").GetString());
    }
}
