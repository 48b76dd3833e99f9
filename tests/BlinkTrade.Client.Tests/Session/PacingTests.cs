using Microsoft.Extensions.Time.Testing;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Session;
using BlinkTrade.Client.Tests.Support;

namespace BlinkTrade.Client.Tests.Session;

/// <summary>Outgoing-message pacing (G40). The pacer runs on the client's clock: the session tests move the harness's
/// manual clock; the pacer's own tests run it on the system clock with small limits and wait for the releases they
/// check (a second or two each).</summary>
public sealed class PacingTests
{
    private static OutboundFrame Frame(string label) => new([], label, null, null);

    // Moves the harness's clock half a second at a time until the peer has the request: an answer's permit comes back a
    // window after the client counted the answer, which may be just after the request it answers completed.
    private static async Task AdvanceUntilSentAsync(ClientHarness harness, ScriptedPeer peer, int balanceReqId)
    {
        var sent = peer.ExpectAsync<UserBalanceRequest>(r => r.BalanceReqID == balanceReqId);
        for (var i = 0; i < 40 && !sent.IsCompleted; i++)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(sent, Task.Delay(20));
        }
        await sent;
    }

    [Fact]
    public async Task Waiting_messages_go_in_priority_order_and_a_cancel_never_overtakes_its_own_order()
    {
        List<string> released = [];
        var allReleased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pacer = new OutboundPacer(new PacingOptions { MaxMessagesPerSecond = 3, SafetyMargin = TimeSpan.Zero }, frame =>
        {
            lock (released)
            {
                released.Add(frame.MsgType);
                if (released.Count == 6)
                {
                    allReleased.TrySetResult();
                }
            }
        }, (_, _) => { });

        // The window's three permits go at once, on the caller's thread.
        for (var i = 0; i < 3; i++)
        {
            Assert.True(pacer.TryAdmit(Frame("U4"), PacingPriority.Query, null));
        }
        // Then everything waits, and is released best first as permits come back.
        Assert.False(pacer.TryAdmit(Frame("U2"), PacingPriority.Query, null));
        Assert.False(pacer.TryAdmit(Frame("D a"), PacingPriority.NewOrder, "a"));
        Assert.False(pacer.TryAdmit(Frame("F a"), PacingPriority.Cancel, "a"));
        Assert.False(pacer.TryAdmit(Frame("F b"), PacingPriority.Cancel, "b"));
        Assert.False(pacer.TryAdmit(Frame("1"), PacingPriority.Session, null));
        Assert.False(pacer.TryAdmit(Frame("D c"), PacingPriority.NewOrder, "c"));
        Assert.Equal(6, pacer.WaitingCount);

        await allReleased.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Heartbeat first, then the cancel of an order already out, then the order "a" and only then its cancel.
        Assert.Equal(["1", "F b", "D a", "F a", "D c", "U2"], released);
    }

    [Fact]
    public async Task A_cancel_all_never_overtakes_an_order_still_waiting_for_pacing()
    {
        List<string> released = [];
        var allReleased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pacer = new OutboundPacer(new PacingOptions { MaxMessagesPerSecond = 2, SafetyMargin = TimeSpan.Zero }, frame =>
        {
            lock (released)
            {
                released.Add(frame.MsgType);
                if (released.Count == 5)
                {
                    allReleased.TrySetResult();
                }
            }
        }, (_, _) => { });

        Assert.True(pacer.TryAdmit(Frame("U4"), PacingPriority.Query, null));
        Assert.True(pacer.TryAdmit(Frame("U4"), PacingPriority.Query, null));
        Assert.False(pacer.TryAdmit(Frame("U2"), PacingPriority.Query, null));
        Assert.False(pacer.TryAdmit(Frame("D a"), PacingPriority.NewOrder, "a"));
        Assert.False(pacer.TryAdmit(Frame("F all"), PacingPriority.Cancel, PacingPolicy.AllOrders));
        Assert.False(pacer.TryAdmit(Frame("F b"), PacingPriority.Cancel, "b"));
        Assert.False(pacer.TryAdmit(Frame("D c"), PacingPriority.NewOrder, "c"));

        await allReleased.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The cancel-all follows the order that was waiting before it (so it cancels it); an order issued after the
        // cancel-all stays after it.
        Assert.Equal(["F b", "D a", "F all", "D c", "U2"], released);
    }

    [Fact]
    public void Messages_are_classified_by_what_they_do()
    {
        Assert.Equal(PacingPriority.Session, PacingPolicy.Classify(new TestRequest { TestReqID = "1" }).Priority);
        Assert.Equal(PacingPriority.Session, PacingPolicy.Classify(new Heartbeat { TestReqID = "1" }).Priority);
        Assert.Equal(PacingPriority.Session, PacingPolicy.Classify(new UserRequest { UserReqID = 1, UserReqTyp = UserRequestType.Login }).Priority);
        Assert.Equal(PacingPriority.Query, PacingPolicy.Classify(new UserRequest { UserReqID = 1, UserReqTyp = UserRequestType.Logout }).Priority);
        Assert.Equal((PacingPriority.Cancel, "x"), PacingPolicy.Classify(OrderCancelRequest.ByClOrdID("x")));
        Assert.Equal((PacingPriority.Cancel, PacingPolicy.AllOrders), PacingPolicy.Classify(OrderCancelRequest.All(Side.Buy)));
        Assert.Equal((PacingPriority.Cancel, (string?)null), PacingPolicy.Classify(OrderCancelRequest.ByOrderID(7)));
        Assert.Equal((PacingPriority.NewOrder, "n"), PacingPolicy.Classify(new NewOrderSingle { ClOrdID = "n", Symbol = "BTCUSD", Side = Side.Buy, OrdType = OrdType.Limit, OrderQty = Quantity.FromDecimal(1m), Price = Price.FromDecimal(1m) }));
        Assert.Equal(PacingPriority.Query, PacingPolicy.Classify(new LedgerListRequest { LedgerListReqID = 1 }).Priority);
    }

    [Fact]
    public async Task A_request_cancelled_while_it_waits_for_pacing_fails_at_once_and_is_never_sent()
    {
        // A window of 31 s on the client's (manual) clock: on the system clock the fourth request would not go within
        // the test's timeout, so it also checks that pacing runs on the client's TimeProvider.
        await using var harness = ClientHarness.Create(configure: o =>
        {
            o.Pacing.MaxMessagesPerSecond = 2;
            o.Pacing.SafetyMargin = TimeSpan.FromSeconds(30);
            o.RequestTimeout = TimeSpan.FromMinutes(2); // the clock jumps past the window: no request may time out meanwhile
            o.HeartbeatInterval = o.HeartbeatAfterSilence = TimeSpan.FromMinutes(2);
        });
        var peer = await harness.ConnectAsync(); // anonymous: nothing is sent on connect
        // A request's permit comes back a window after its answer (never before: see OutboundPacer), so answer them.
        peer.Respond<UserBalanceRequest>(r => new UserBalanceResponse { BalanceReqID = r.BalanceReqID });
        var delays = new RecordingObserver<PacingDelay>();
        using var subscription = harness.Client.PacingDelays.Subscribe(delays);

        var first = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 1 }, "1", MessageTypes.BalanceResponse);
        var second = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 2 }, "2", MessageTypes.BalanceResponse);
        using var cancel = new CancellationTokenSource();
        var third = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 3 }, "3", MessageTypes.BalanceResponse, cancel.Token);
        _ = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 4 }, "4", MessageTypes.BalanceResponse);
        await peer.ExpectAsync<UserBalanceRequest>(r => r.BalanceReqID == 2);
        await Task.WhenAll(first, second).WaitAsync(TestDefaults.Timeout); // answered: their permits come back a window from now
        Assert.False(third.IsCompleted);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third.WaitAsync(TestDefaults.Timeout));
        Assert.DoesNotContain(peer.Received, m => m is UserBalanceRequest { BalanceReqID: 4 }); // no permit before the window

        // The next one goes when the window (on the client's clock) frees a permit; the cancelled one never does.
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await AdvanceUntilSentAsync(harness, peer, 4);
        Assert.DoesNotContain(peer.Received, m => m is UserBalanceRequest { BalanceReqID: 3 });
        var delay = await delays.WaitForAsync(d => d.MsgType == MessageTypes.BalanceRequest);
        Assert.True(delay.Delay > TimeSpan.FromMilliseconds(500), $"waited {delay.Delay}");
    }

    [Fact]
    public async Task A_request_waiting_for_pacing_times_out_within_its_own_timeout_and_is_never_sent_later()
    {
        // A window (31 s) longer than the request timeout (5 s): the second request's permit cannot come back in time.
        await using var harness = ClientHarness.Create(configure: o =>
        {
            o.Pacing.MaxMessagesPerSecond = 1;
            o.Pacing.SafetyMargin = TimeSpan.FromSeconds(30);
            o.RequestTimeout = TimeSpan.FromSeconds(5);
            o.HeartbeatInterval = TimeSpan.FromMinutes(2); // the clock jumps 33 s: no heartbeat may take the one permit
        });
        var peer = await harness.ConnectAsync();
        peer.Respond<UserBalanceRequest>(r => new UserBalanceResponse { BalanceReqID = r.BalanceReqID });

        var first = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 1 }, "1", MessageTypes.BalanceResponse);
        var waiting = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 2 }, "2", MessageTypes.BalanceResponse);
        await peer.ExpectAsync<UserBalanceRequest>(r => r.BalanceReqID == 1);
        await first.WaitAsync(TestDefaults.Timeout);
        harness.Time.Advance(TimeSpan.FromSeconds(6)); // the request timeout and pacing run on the client's clock

        var timeout = await Assert.ThrowsAsync<BlinkTradeTimeoutException>(() => waiting.WaitAsync(TestDefaults.Timeout));
        Assert.Equal(TimeSpan.FromSeconds(5), timeout.Timeout);
        harness.Time.Advance(TimeSpan.FromSeconds(27)); // the first request's permit is back: the withdrawn one stays unsent
        _ = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 3 }, "3", MessageTypes.BalanceResponse);
        await AdvanceUntilSentAsync(harness, peer, 3);
        Assert.DoesNotContain(peer.Received, m => m is UserBalanceRequest { BalanceReqID: 2 });
    }

    [Fact]
    public async Task An_error_without_a_request_id_answers_the_latest_request_for_pacing_too()
    {
        await using var harness = ClientHarness.Create(configure: o =>
        {
            o.Pacing.MaxMessagesPerSecond = 1;
            o.HeartbeatInterval = TimeSpan.FromMinutes(2); // no heartbeat's answer may free the permit instead
        });
        var peer = await harness.ConnectAsync();
        // G2: the ERROR names no request; the client fails its latest one with it. That is the request's answer, so
        // its permit must come back a window later — else one such ERROR per permit would stop the connection's sends.
        peer.Respond<UserBalanceRequest>(r => r.BalanceReqID == 1
            ? new ErrorMessage { Description = "Invalid message", Detail = "Not supported" }
            : new UserBalanceResponse { BalanceReqID = r.BalanceReqID });

        var first = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 1 }, "1", MessageTypes.BalanceResponse);
        var second = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = 2 }, "2", MessageTypes.BalanceResponse);
        await Assert.ThrowsAsync<BlinkTradeErrorException>(() => first.WaitAsync(TestDefaults.Timeout));
        Assert.DoesNotContain(peer.Received, m => m is UserBalanceRequest { BalanceReqID: 2 });

        await AdvanceUntilSentAsync(harness, peer, 2);
        await second.WaitAsync(TestDefaults.Timeout);
    }

    [Fact]
    public async Task Without_pacing_every_message_goes_at_once()
    {
        await using var harness = ClientHarness.Create(configure: o => o.Pacing.Enabled = false);
        var peer = await harness.ConnectAsync();
        var delays = new RecordingObserver<PacingDelay>();
        using var subscription = harness.Client.PacingDelays.Subscribe(delays);

        for (var i = 1; i <= 40; i++)
        {
            _ = harness.Client.RequestAsync(new UserBalanceRequest { BalanceReqID = i }, i.ToString(System.Globalization.CultureInfo.InvariantCulture), MessageTypes.BalanceResponse);
        }

        await peer.ExpectAsync<UserBalanceRequest>(r => r.BalanceReqID == 40);
        Assert.Empty(delays.Items);
    }

    [Fact]
    public async Task A_requests_permit_comes_back_only_after_an_answer_to_it_or_to_a_later_request()
    {
        List<string> released = [];
        var bothReleased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pacer = new OutboundPacer(new PacingOptions { MaxMessagesPerSecond = 3, SafetyMargin = TimeSpan.Zero }, frame =>
        {
            lock (released)
            {
                released.Add(frame.MsgType);
                if (released.Count == 2)
                {
                    bothReleased.TrySetResult();
                }
            }
        }, (_, _) => { });
        static OutboundFrame Request(string id, Func<BlinkTradeMessage, bool>? accept = null)
            => new([], "U2 " + id, null, null, new PendingRequest<BlinkTradeMessage>(id, MessageTypes.BalanceRequest, [MessageTypes.BalanceResponse], accept));

        // Two requests and a cancel-like one whose answer must pass a filter take the three permits.
        Assert.True(pacer.TryAdmit(Request("1"), PacingPriority.Query, null));
        Assert.True(pacer.TryAdmit(Request("2"), PacingPriority.Query, null));
        Assert.True(pacer.TryAdmit(Request("3", accept: m => m is UserBalanceResponse { ClientID: 7 }), PacingPriority.Query, null));
        Assert.False(pacer.TryAdmit(Frame("a"), PacingPriority.Query, null));
        Assert.False(pacer.TryAdmit(Frame("b"), PacingPriority.Query, null));

        // An answer its filter refuses, or to an id never sent, proves nothing. The answer to "2" shows the server read
        // "1" and "2": their two permits come back a window later, and the two waiting messages go ("3" holds its own).
        pacer.Acknowledge("3", new UserBalanceResponse { BalanceReqID = 3 });
        pacer.Acknowledge("9", new UserBalanceResponse { BalanceReqID = 9 });
        pacer.Acknowledge("2", new UserBalanceResponse { BalanceReqID = 2 });
        await bothReleased.Task.WaitAsync(TestDefaults.Timeout);
        Assert.Equal(["a", "b"], released);
        Assert.False(pacer.TryAdmit(Frame("c"), PacingPriority.Query, null));
        Assert.Equal(1, pacer.WaitingCount);
    }

    [Fact]
    public async Task A_message_nothing_answers_keeps_its_permit_until_a_later_answer_and_a_probe_asks_for_one()
    {
        var time = new FakeTimeProvider();
        List<string> released = [];
        var releases = new SemaphoreSlim(0);
        var probes = 0;
        using var pacer = new OutboundPacer(new PacingOptions { MaxMessagesPerSecond = 4, SafetyMargin = TimeSpan.Zero }, frame =>
        {
            lock (released)
            {
                released.Add(frame.MsgType);
            }
            releases.Release();
        }, (_, _) => { }, time, () =>
        {
            var id = "p" + Interlocked.Increment(ref probes).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new OutboundFrame([], id, null, null, new PendingRequest<BlinkTradeMessage>(id, MessageTypes.TestRequest, [MessageTypes.Heartbeat], null));
        });

        // Three go at once; the fourth would fill the limit with messages no answer will ever cover, so the last permit
        // goes to a probe instead, and the fourth waits for the probe's answer.
        for (var i = 1; i <= 3; i++)
        {
            Assert.True(pacer.TryAdmit(Frame("V" + i), PacingPriority.Query, null));
        }
        Assert.False(pacer.TryAdmit(Frame("V4"), PacingPriority.Query, null));
        Assert.True(await releases.WaitAsync(TestDefaults.Timeout));
        Assert.Equal(["p1"], released);

        // Time alone frees nothing: on a frozen path the server may not have read them yet.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await releases.WaitAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(1, pacer.WaitingCount);

        // The probe's answer shows the server read all four: their permits come back one window after it.
        pacer.Acknowledge("p1", new Heartbeat { TestReqID = "p1" });
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await releases.WaitAsync(TestDefaults.Timeout));
        Assert.Equal(["p1", "V4"], released);
        Assert.Equal(1, Volatile.Read(ref probes));
    }

    [Fact]
    public void A_request_takes_the_last_permit_itself_its_answer_covering_the_messages_before_it()
    {
        var probes = 0;
        using var pacer = new OutboundPacer(new PacingOptions { MaxMessagesPerSecond = 4, SafetyMargin = TimeSpan.Zero }, _ => { }, (_, _) => { }, new FakeTimeProvider(), () =>
        {
            Interlocked.Increment(ref probes);
            return new OutboundFrame([], "probe", null, null, new PendingRequest<BlinkTradeMessage>("p", MessageTypes.TestRequest, [MessageTypes.Heartbeat], null));
        });

        for (var i = 1; i <= 3; i++)
        {
            Assert.True(pacer.TryAdmit(Frame("V" + i), PacingPriority.Query, null));
        }
        Assert.True(pacer.TryAdmit(new OutboundFrame([], "U2", null, null, new PendingRequest<BlinkTradeMessage>("1", MessageTypes.BalanceRequest, [MessageTypes.BalanceResponse], null)), PacingPriority.Query, null));
        Assert.False(pacer.TryAdmit(Frame("V5"), PacingPriority.Query, null));
        Assert.Equal(0, Volatile.Read(ref probes));
    }

    [Fact]
    public async Task A_session_probes_with_a_test_request_when_messages_nothing_answers_hold_the_permits()
    {
        // The peer answers nothing on its own: the test answers the probe itself, when it chooses.
        await using var harness = ClientHarness.Create(configurePeer: _ => { }, configure: o =>
        {
            o.HeartbeatInterval = TimeSpan.FromMinutes(10); // no heartbeat of the session's own may answer for them
            o.RequestTimeout = TimeSpan.FromMinutes(5);
        });
        var peer = await harness.ConnectAsync();
        var limit = new PacingOptions().MaxMessagesPerSecond;

        // Messages sent with SendAsync expect no answer. All but the last permit go at once, then the probe.
        var sends = Enumerable.Range(1, limit + 5).Select(i => harness.Client.SendAsync(new UserBalanceRequest { BalanceReqID = i })).ToList();
        var probe = await peer.ExpectAsync<TestRequest>();
        Assert.Equal(limit - 1, peer.Received.OfType<UserBalanceRequest>().Count());

        // However far the clock moves, nothing more goes until the probe is answered.
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await Task.WhenAny(sends[limit - 1], Task.Delay(200));
        Assert.Equal(limit - 1, peer.Received.OfType<UserBalanceRequest>().Count());

        // Answered, the burst goes on a window later.
        peer.Send(new Heartbeat { TestReqID = probe.TestReqID });
        await AdvanceUntilSentAsync(harness, peer, limit + 5);
        await Task.WhenAll(sends).WaitAsync(TestDefaults.Timeout);
    }

    [Fact]
    public void Pacing_options_are_validated()
    {
        var options = new BlinkTradeClientOptions { Endpoint = TestDefaults.Endpoint };
        options.Pacing.MaxMessagesPerSecond = 0;
        Assert.Throws<ArgumentException>(options.Validate);
        options.Pacing.MaxMessagesPerSecond = 15;
        options.Pacing.SafetyMargin = TimeSpan.FromMilliseconds(-1);
        Assert.Throws<ArgumentException>(options.Validate);
        options.Pacing.SafetyMargin = TimeSpan.FromMilliseconds(250);
        options.Validate();
    }
}
