using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;

namespace BlinkTrade.Client.Tests.Session;

public sealed class ReconnectTests
{
    [Fact]
    public async Task A_lost_connection_is_replaced_and_the_session_logs_in_again()
    {
        await using var harness = ClientHarness.Create(ExchangeScripts.Standard,
            o => o.Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, ExchangeScripts.Password));
        var first = await harness.ConnectAsync();
        await first.ExpectAsync<UserRequest>();

        first.Abort();

        var second = await harness.Transport.NextPeerAsync();
        var relogin = await second.ExpectAsync<UserRequest>();
        Assert.Equal(UserRequestType.Login, relogin.UserReqTyp);
        await harness.States.WaitForAsync(s => s.State == ConnectionState.LoggedIn && s.Reason.StartsWith("Reconnected", StringComparison.Ordinal));
        Assert.Equal(
            [ConnectionState.Disconnected, ConnectionState.Connecting, ConnectionState.Connected, ConnectionState.LoggedIn, ConnectionState.Reconnecting, ConnectionState.LoggedIn],
            harness.States.Items.Select(s => s.State));
        await harness.Client.PingAsync().WaitAsync(TestDefaults.Timeout);
    }

    [Fact]
    public async Task A_refused_re_login_stops_reconnecting_instead_of_retrying_a_bad_password()
    {
        var accept = true;
        await using var harness = ClientHarness.Create(p =>
        {
            p.AnswerHeartbeats();
            p.Respond<UserRequest>(r => new UserResponse { UserReqID = r.UserReqID, UserStatus = accept ? UserStatus.LoggedIn : UserStatus.Failed, UserStatusText = accept ? null : "MSG_LOGIN_ERROR_INVALID_PASSWORD" });
        }, o => o.Credentials = BlinkTradeCredentials.FromPassword("bob", "pw"));
        var first = await harness.ConnectAsync();
        accept = false; // e.g. the password was changed elsewhere

        first.Abort();

        var disconnected = await harness.States.WaitForAsync(s => s.State == ConnectionState.Disconnected && s.Exception is BlinkTradeLoginException);
        Assert.Contains("MSG_LOGIN_ERROR_INVALID_PASSWORD", disconnected.Reason, StringComparison.Ordinal);
        Assert.Equal(2, harness.Transport.Attempts);
    }

    [Fact]
    public async Task Disconnect_stops_reconnecting_and_connect_can_start_again()
    {
        await using var harness = ClientHarness.Create();
        await harness.ConnectAsync();
        await harness.Client.DisconnectAsync();
        await Task.Delay(20);
        Assert.Equal(1, harness.Transport.Attempts);
        Assert.Equal(ConnectionState.Disconnected, harness.Client.State);

        await harness.ConnectAsync();
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
        await harness.Client.PingAsync().WaitAsync(TestDefaults.Timeout);
    }

    [Fact]
    public async Task ConnectAsync_during_a_reconnect_waits_for_it_instead_of_opening_a_second_connection()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        harness.Transport.FailAttempt = attempt => attempt == 2;

        peer.Abort();
        await harness.States.WaitForAsync(s => s.State == ConnectionState.Reconnecting);
        var connecting = harness.Client.ConnectAsync();
        await harness.AdvanceUntilAsync(() => connecting.IsCompleted, TimeSpan.FromMilliseconds(500));
        await connecting;

        Assert.Equal(3, harness.Transport.Attempts);
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
    }

    [Fact]
    public async Task Ticker_subscriptions_are_shared_and_the_last_dispose_unsubscribes()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var first = new RecordingObserver<Ticker>();
        var second = new RecordingObserver<Ticker>();
        var a = harness.Client.ObserveTicker("BTCUSD").Subscribe(first);
        var b = harness.Client.ObserveTicker("BTCUSD").Subscribe(second);
        var request = await peer.ExpectAsync<SecurityStatusRequest>();
        Assert.Equal(SubscriptionRequestType.SnapshotAndUpdates, request.SubscriptionRequestType);
        peer.Send(new Ticker { SecurityStatusReqID = request.SecurityStatusReqID, Symbol = "BTCUSD", BestBid = Price.FromDecimal(619m) });
        await first.WaitForAsync(_ => true);
        await second.WaitForAsync(_ => true);

        a.Dispose();
        b.Dispose();
        var unsubscribe = await peer.ExpectAsync<SecurityStatusRequest>();
        Assert.Equal(SubscriptionRequestType.Unsubscribe, unsubscribe.SubscriptionRequestType);
        Assert.Equal(request.SecurityStatusReqID, unsubscribe.SecurityStatusReqID);
    }
}
