using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Transport;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.Client.Tests.Session;

/// <summary>Issue 18 (task 18s): the registry keeps every request's deadline with one timer armed for the earliest,
/// not a timer per request; each request still times out exactly at its own deadline on the manual clock.</summary>
public sealed class PendingRequestRegistryTests
{
    private static readonly string[] Reports = [MessageTypes.ExecutionReport];

    private static PendingRequest<ExecutionReport> Register(PendingRequestRegistry registry, string id, TimeSpan timeout, TimeSpan? reported = null)
        => registry.Register<ExecutionReport>(id, MessageTypes.NewOrderSingle, Reports, null, timeout, reported ?? timeout, CancellationToken.None);

    [Fact]
    public void A_shorter_timeout_registered_after_a_longer_one_fails_at_its_own_deadline()
    {
        var time = new FakeTimeProvider();
        var timedOut = new List<string>();
        var registry = new PendingRequestRegistry(time, p => timedOut.Add(p.Id));
        var slow = Register(registry, "slow", TimeSpan.FromSeconds(10));
        var fast = Register(registry, "fast", TimeSpan.FromSeconds(2), reported: TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
        Assert.False(fast.Task.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        var error = Assert.IsType<BlinkTradeTimeoutException>(fast.Task.Exception?.InnerException);
        Assert.Equal(TimeSpan.FromSeconds(30), error.Timeout); // the caller's whole timeout is named
        Assert.Equal(("fast", MessageTypes.NewOrderSingle), (error.RequestId, error.MsgType));
        Assert.Equal(["fast"], timedOut);
        Assert.False(slow.Task.IsCompleted);
        Assert.Equal(1, registry.Count);

        time.Advance(TimeSpan.FromSeconds(8) - TimeSpan.FromTicks(1));
        Assert.False(slow.Task.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.IsType<BlinkTradeTimeoutException>(slow.Task.Exception?.InnerException);
        Assert.Equal(["fast", "slow"], timedOut);
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void A_timeout_of_centuries_registers_and_waits_while_a_short_one_still_fires()
    {
        var time = new FakeTimeProvider();
        var registry = new PendingRequestRegistry(time);
        time.Advance(TimeSpan.FromHours(1));

        // Any positive timeout is valid (BlinkTradeClientOptions); the deadline's sum must not overflow.
        var forever = Register(registry, "forever", TimeSpan.MaxValue - TimeSpan.FromTicks(1));
        var soon = Register(registry, "soon", TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<BlinkTradeTimeoutException>(soon.Task.Exception?.InnerException);
        time.Advance(TimeSpan.FromDays(3));
        Assert.False(forever.Task.IsCompleted);
        Assert.True(registry.TryComplete("forever", new ExecutionReport { ClOrdID = "forever" }));
    }

    [Fact]
    public void A_request_registered_after_an_answered_one_times_out_at_its_deadline_not_the_first_ones()
    {
        var time = new FakeTimeProvider();
        var registry = new PendingRequestRegistry(time);
        var answered = Register(registry, "a", TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(3));
        var later = Register(registry, "b", TimeSpan.FromSeconds(5));
        Assert.True(registry.TryComplete("a", new ExecutionReport { ClOrdID = "a" }));
        Assert.True(answered.Response.IsCompletedSuccessfully);

        // The timer was armed for the answered request's deadline (t = 5 s): it finds nothing due and re-arms.
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(later.Task.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1));
        Assert.False(later.Task.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        Assert.IsType<BlinkTradeTimeoutException>(later.Task.Exception?.InnerException);
    }

    [Fact]
    public void Requests_sharing_a_deadline_and_an_infinite_one_each_end_once()
    {
        var time = new FakeTimeProvider();
        var registry = new PendingRequestRegistry(time);
        var first = Register(registry, "same", TimeSpan.FromSeconds(1));
        var second = Register(registry, "same", TimeSpan.FromSeconds(1));
        var never = Register(registry, "never", Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<BlinkTradeTimeoutException>(first.Task.Exception?.InnerException);
        Assert.IsType<BlinkTradeTimeoutException>(second.Task.Exception?.InnerException);
        time.Advance(TimeSpan.FromDays(3));
        Assert.False(never.Task.IsCompleted);
        Assert.Equal(1, registry.Count);
        Assert.False(registry.TryComplete("same", new ExecutionReport()));
        Assert.True(registry.TryComplete("never", new ExecutionReport()));
    }

    [Fact]
    public void An_answer_of_another_type_fails_the_typed_request_with_a_protocol_error()
    {
        var registry = new PendingRequestRegistry(new FakeTimeProvider());
        var pending = registry.Register<ExecutionReport>("7", MessageTypes.TestRequest, [MessageTypes.Heartbeat, MessageTypes.ExecutionReport], null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.True(registry.TryComplete("7", new Heartbeat { TestReqID = "7" }));
        var error = Assert.IsType<ProtocolException>(pending.Task.Exception?.InnerException);
        Assert.Contains(nameof(ExecutionReport), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Heartbeat), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_and_the_connections_end_still_end_requests_and_a_later_one_fails_at_once()
    {
        var time = new FakeTimeProvider();
        var registry = new PendingRequestRegistry(time);
        using var cancel = new CancellationTokenSource();
        var cancelled = registry.Register<ExecutionReport>("c", MessageTypes.NewOrderSingle, Reports, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), cancel.Token);
        var open = Register(registry, "o", TimeSpan.FromSeconds(5));
        await cancel.CancelAsync();
        Assert.True(cancelled.Task.IsCanceled);

        var closed = new ConnectionClosedException("gone");
        registry.FailAll(closed);
        Assert.Same(closed, open.Task.Exception?.InnerException);
        var late = Register(registry, "late", TimeSpan.FromSeconds(5));
        Assert.Same(closed, late.Task.Exception?.InnerException);
        time.Advance(TimeSpan.FromSeconds(10)); // the timer went with the connection: nothing fires twice
        Assert.Equal(0, registry.Count);
    }
}
