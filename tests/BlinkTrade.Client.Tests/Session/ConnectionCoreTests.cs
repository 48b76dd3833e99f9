using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Tests.Session;

public sealed class ConnectionCoreTests
{
    [Fact]
    public async Task Connecting_publishes_connecting_then_connected_and_disconnect_publishes_disconnected()
    {
        await using var harness = ClientHarness.Create();
        await harness.ConnectAsync();
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
        await harness.Client.DisconnectAsync();

        await harness.States.WaitUntilAsync(s => s.Count >= 4);
        Assert.Equal(
            [ConnectionState.Disconnected, ConnectionState.Connecting, ConnectionState.Connected, ConnectionState.Disconnected],
            harness.States.Items.Select(s => s.State));
        Assert.Equal(ConnectionState.Disconnected, harness.Client.State);
    }

    [Fact]
    public async Task Malformed_and_unknown_frames_are_reported_and_the_loop_goes_on()
    {
        await using var harness = ClientHarness.Create();
        var messages = new RecordingObserver<BlinkTradeMessage>();
        harness.Client.Messages.Subscribe(messages);
        var peer = await harness.ConnectAsync();

        peer.SendRaw("{not json");
        peer.SendRaw("[1,2]");
        peer.SendRaw("{\"MsgType\":\"8\",\"OrderID\":\"not-a-number\"}");
        peer.SendRaw("{\"MsgType\":\"Z9\",\"Foo\":1}");
        peer.Send(new Heartbeat { TestReqID = "after", ServerTimestamp = 1 });

        await messages.WaitForAsync(m => m is Heartbeat { TestReqID: "after" });
        await harness.Errors.WaitUntilAsync(e => e.Count >= 4);
        var kinds = harness.Errors.Items.Select(e => e.Kind).ToList();
        Assert.Equal(3, kinds.Count(k => k == ClientErrorKind.MalformedFrame));
        Assert.Contains(ClientErrorKind.UnknownMessage, kinds);
        Assert.Contains(messages.Items, m => m is UnknownMessage { MsgType: "Z9" });
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
    }

    [Fact]
    public async Task Responses_are_correlated_by_their_id_field_not_by_order()
    {
        await using var harness = ClientHarness.Create(p => { });
        var peer = await harness.ConnectAsync();

        var first = harness.Client.RequestAsync(new TestRequest { TestReqID = "101" }, "101", MessageTypes.Heartbeat);
        var second = harness.Client.RequestAsync(new TestRequest { TestReqID = "102" }, "102", MessageTypes.Heartbeat);
        await peer.ExpectAsync<TestRequest>(t => t.TestReqID == "102");
        // Answer the second first; the id is sent as a number to show JSON type does not matter.
        peer.SendRaw("{\"MsgType\":\"0\",\"TestReqID\":102}");
        peer.Send(new Heartbeat { TestReqID = "101" });

        Assert.Equal("102", ((Heartbeat)await second.WaitAsync(TestDefaults.Timeout)).TestReqID);
        Assert.Equal("101", ((Heartbeat)await first.WaitAsync(TestDefaults.Timeout)).TestReqID);
    }

    [Fact]
    public async Task An_error_with_ReqID_fails_that_request_with_description_and_detail()
    {
        await using var harness = ClientHarness.Create(p => { });
        var peer = await harness.ConnectAsync();
        var other = harness.Client.RequestAsync(new TestRequest { TestReqID = "7" }, "7", MessageTypes.Heartbeat);
        var failing = harness.Client.RequestAsync(new TestRequest { TestReqID = "8" }, "8", MessageTypes.Heartbeat);
        await peer.ExpectAsync<TestRequest>(t => t.TestReqID == "8");

        peer.Send(new ErrorMessage { Description = "Not authorized", Detail = "Missing tag X", ReqID = "8" });

        var error = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => failing.WaitAsync(TestDefaults.Timeout));
        Assert.Equal("Not authorized", error.Description);
        Assert.Equal("Missing tag X", error.Detail);
        Assert.False(other.IsCompleted);
        await harness.Errors.WaitForAsync(e => e.Kind == ClientErrorKind.ServerError);
        // G2: the client does not disconnect on ERROR.
        Assert.Equal(ConnectionState.Connected, harness.Client.State);
    }

    [Fact]
    public async Task An_error_without_ReqID_fails_the_most_recent_pending_request()
    {
        await using var harness = ClientHarness.Create(p => { });
        var peer = await harness.ConnectAsync();
        var older = harness.Client.RequestAsync(new TestRequest { TestReqID = "1" }, "1", MessageTypes.Heartbeat);
        var newest = harness.Client.RequestAsync(new TestRequest { TestReqID = "2" }, "2", MessageTypes.Heartbeat);
        await peer.ExpectAsync<TestRequest>(t => t.TestReqID == "2");

        peer.Send(new ErrorMessage { Description = "Invalid message", Detail = "Invalid Message Type (Q)" });

        await Assert.ThrowsAsync<BlinkTradeErrorException>(() => newest.WaitAsync(TestDefaults.Timeout));
        Assert.False(older.IsCompleted);
    }

    [Fact]
    public async Task A_request_without_answer_times_out_on_the_client_clock()
    {
        await using var harness = ClientHarness.Create(p => { }, o => o.RequestTimeout = TimeSpan.FromSeconds(5));
        var peer = await harness.ConnectAsync();
        var request = harness.Client.RequestAsync(new TestRequest { TestReqID = "9" }, "9", MessageTypes.Heartbeat);
        await peer.ExpectAsync<TestRequest>();

        harness.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(request.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(0.2));

        var timeout = await Assert.ThrowsAsync<BlinkTradeTimeoutException>(() => request.WaitAsync(TestDefaults.Timeout));
        Assert.Equal("9", timeout.RequestId);
        Assert.Equal(MessageTypes.TestRequest, timeout.MsgType);
    }

    [Fact]
    public async Task Losing_the_connection_fails_every_pending_request_at_once()
    {
        await using var harness = ClientHarness.Create(p => { }, o => o.Reconnect.Enabled = false);
        var peer = await harness.ConnectAsync();
        var requests = Enumerable.Range(1, 5)
            .Select(i => harness.Client.RequestAsync(new TestRequest { TestReqID = $"{i}" }, $"{i}", MessageTypes.Heartbeat))
            .ToList();
        await peer.ExpectAsync<TestRequest>(t => t.TestReqID == "5");

        peer.Abort();

        foreach (var request in requests)
        {
            await Assert.ThrowsAnyAsync<ConnectionClosedException>(() => request.WaitAsync(TestDefaults.Timeout));
        }
        await harness.States.WaitForAsync(s => s.State == ConnectionState.Disconnected && s.Exception is not null);
        await Assert.ThrowsAsync<ConnectionClosedException>(() => harness.Client.PingAsync());
    }

    [Fact]
    public async Task A_cancelled_request_is_removed_and_cancelled()
    {
        await using var harness = ClientHarness.Create(p => { });
        var peer = await harness.ConnectAsync();
        using var cts = new CancellationTokenSource();
        var request = harness.Client.RequestAsync(new TestRequest { TestReqID = "c1" }, "c1", MessageTypes.Heartbeat, cts.Token);
        await peer.ExpectAsync<TestRequest>();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(TestDefaults.Timeout));
        // A late answer is harmless, and the id can be used again.
        peer.Send(new Heartbeat { TestReqID = "c1" });
        var again = harness.Client.RequestAsync(new TestRequest { TestReqID = "c1" }, "c1", MessageTypes.Heartbeat);
        await peer.ExpectAsync<TestRequest>(t => t.TestReqID == "c1");
        peer.Send(new Heartbeat { TestReqID = "c1" });
        await again.WaitAsync(TestDefaults.Timeout);
    }

    [Fact]
    public async Task The_server_test_request_is_answered_with_the_same_TestReqID()
    {
        await using var harness = ClientHarness.Create(p => { });
        var peer = await harness.ConnectAsync();
        peer.Send(new TestRequest { TestReqID = "srv-1", SendTime = 123 });
        var heartbeat = await peer.ExpectAsync<Heartbeat>();
        Assert.Equal("srv-1", heartbeat.TestReqID);
        Assert.Equal(123, heartbeat.SendTime);
    }

    [Fact]
    public async Task A_throwing_messages_subscriber_neither_kills_the_loop_nor_other_subscribers()
    {
        await using var harness = ClientHarness.Create();
        var thrower = new RecordingObserver<BlinkTradeMessage> { OnNextAction = _ => throw new InvalidOperationException("subscriber bug") };
        var healthy = new RecordingObserver<BlinkTradeMessage>();
        harness.Client.Messages.Subscribe(thrower);
        harness.Client.Messages.Subscribe(healthy);
        var peer = await harness.ConnectAsync();

        peer.Send(new Heartbeat { TestReqID = "a" });
        peer.Send(new Heartbeat { TestReqID = "b" });

        await healthy.WaitUntilAsync(items => items.Count == 2);
        await harness.Errors.WaitUntilAsync(e => e.Count(x => x.Kind == ClientErrorKind.SubscriberFault) == 2);
        // The loop is alive: a request still round-trips.
        peer.AnswerHeartbeats();
        await harness.Client.PingAsync().WaitAsync(TestDefaults.Timeout);
    }
}
