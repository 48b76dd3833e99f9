using System.Collections.Concurrent;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Trading;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Tests.Session;

/// <summary>A request issued while the client reconnects waits for the restored, logged-in session (within its
/// timeout) and never reaches the new connection before the re-login.</summary>
public sealed class RequestsWhileReconnectingTests
{
    private static UserResponse LoggedIn(UserRequest request)
        => new() { UserReqID = request.UserReqID, UserStatus = UserStatus.LoggedIn, UserID = 90800127, Username = ExchangeScripts.Username, BrokerID = 5 };

    private static ExecutionReport Accepted(NewOrderSingle order) => new()
    {
        OrderID = 1001,
        ClOrdID = order.ClOrdID,
        ExecID = 1,
        ExecType = ExecType.New,
        OrdStatus = OrdStatus.New,
        Symbol = order.Symbol,
        Side = order.Side,
        OrdType = order.OrdType,
        OrderQty = order.OrderQty,
        Price = order.Price ?? default,
        LeavesQty = order.OrderQty,
    };

    private static Action<BlinkTradeClientOptions> LogsIn => o => o.Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, ExchangeScripts.Password);

    [Fact]
    public async Task An_order_issued_while_reconnecting_waits_for_the_re_login_and_then_goes_out()
    {
        var answerLogins = true;
        var arrivals = new ConcurrentQueue<string>();
        await using var harness = ClientHarness.Create(p =>
        {
            p.AnswerHeartbeats();
            p.Respond<OrdersListRequest>(r => new OrdersListResponse { OrdersReqID = r.OrdersReqID, Page = r.Page, PageSize = r.PageSize, OrdListGrp = [] });
            p.Respond<UserRequest>(r =>
            {
                arrivals.Enqueue("BE");
                return answerLogins ? LoggedIn(r) : null;
            });
            p.Respond<NewOrderSingle>(o =>
            {
                arrivals.Enqueue("D");
                return Accepted(o);
            });
        }, LogsIn);
        var first = await harness.ConnectAsync();
        arrivals.Clear();
        answerLogins = false;

        first.Abort();
        var second = await harness.Transport.NextPeerAsync();
        var relogin = await second.ExpectAsync<UserRequest>();
        Assert.Equal(ConnectionState.Reconnecting, harness.Client.State);
        var order = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)) with { ClOrdID = "while-reconnecting" });

        // An order that ignored the gate would be on the new connection by now, ahead of the login's answer.
        await Task.Delay(200);
        Assert.Equal(["BE"], arrivals);
        Assert.False(order.IsCompleted);

        arrivals.Enqueue("BF");
        second.Send(LoggedIn(relogin));
        var report = await order.WaitAsync(TestDefaults.Timeout);
        Assert.Equal("while-reconnecting", report.ClOrdID);
        Assert.Equal(["BE", "BF", "D"], arrivals);
    }

    [Fact]
    public async Task A_request_issued_while_reconnecting_times_out_when_the_session_does_not_come_back_within_its_timeout()
    {
        await using var harness = ClientHarness.Create(configure: o => o.RequestTimeout = TimeSpan.FromSeconds(5));
        var peer = await harness.ConnectAsync();
        harness.Transport.FailAttempt = attempt => attempt >= 2; // the exchange stays unreachable

        peer.Abort();
        await harness.States.WaitForAsync(s => s.State == ConnectionState.Reconnecting);
        var balances = harness.Client.GetBalancesAsync();
        await harness.AdvanceUntilAsync(() => balances.IsCompleted, TimeSpan.FromSeconds(1));

        var timeout = await Assert.ThrowsAsync<BlinkTradeTimeoutException>(() => balances);
        Assert.Equal(MessageTypes.BalanceRequest, timeout.MsgType);
        Assert.Equal(TimeSpan.FromSeconds(5), timeout.Timeout);
    }

    [Fact]
    public async Task A_request_waiting_for_a_reconnect_that_gives_up_fails_with_ConnectionClosedException()
    {
        await using var harness = ClientHarness.Create(configure: o =>
        {
            o.RequestTimeout = TimeSpan.FromMinutes(5);
            o.Reconnect.MaxAttempts = 2;
        });
        var peer = await harness.ConnectAsync();
        harness.Transport.FailAttempt = attempt => attempt >= 2;

        peer.Abort();
        await harness.States.WaitForAsync(s => s.State == ConnectionState.Reconnecting);
        var balances = harness.Client.GetBalancesAsync();
        await harness.AdvanceUntilAsync(() => balances.IsCompleted, TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAsync<ConnectionClosedException>(() => balances);
        Assert.Equal(ConnectionState.Disconnected, harness.Client.State);
    }

    [Fact]
    public async Task Requests_fail_at_once_when_the_client_is_not_connected()
    {
        await using var harness = ClientHarness.Create();
        await Assert.ThrowsAsync<ConnectionClosedException>(() => harness.Client.GetBalancesAsync());

        await harness.ConnectAsync();
        await harness.Client.DisconnectAsync();
        await Assert.ThrowsAsync<ConnectionClosedException>(() => harness.Client.CancelOrderAsync("x"));
        await Assert.ThrowsAsync<ConnectionClosedException>(() => harness.Client.SendAsync(new TestRequest { TestReqID = "t" }));
    }

    [Fact]
    public async Task A_request_in_flight_when_the_link_drops_still_fails_with_ConnectionClosedException()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var balances = harness.Client.GetBalancesAsync();
        await peer.ExpectAsync<UserBalanceRequest>();

        peer.Abort();

        await Assert.ThrowsAsync<ConnectionClosedException>(() => balances.WaitAsync(TestDefaults.Timeout));
    }
}
