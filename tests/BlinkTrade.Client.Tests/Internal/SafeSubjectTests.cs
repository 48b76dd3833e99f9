using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Internal.Streams;
using BlinkTrade.Client.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlinkTrade.Client.Tests.Internal;

public sealed class SafeSubjectTests
{
    private readonly List<BlinkTradeClientError> _reported = [];

    private SafeSubject<int> Create(OverflowPolicy policy, int capacity = 100, bool replay = false)
        => new("test", policy, capacity, replay, NullLogger.Instance, e => { lock (_reported) { _reported.Add(e); } }, TimeProvider.System);

    [Fact]
    public async Task A_throwing_subscriber_is_reported_and_neither_it_nor_the_others_lose_items()
    {
        var subject = Create(OverflowPolicy.FaultSubscriber);
        var thrower = new RecordingObserver<int> { OnNextAction = v => { if (v == 2) { throw new InvalidOperationException("boom"); } } };
        var healthy = new RecordingObserver<int>();
        subject.Subscribe(thrower);
        subject.Subscribe(healthy);

        for (var i = 1; i <= 3; i++)
        {
            subject.OnNext(i);
        }

        await healthy.WaitUntilAsync(items => items.Count == 3);
        await thrower.WaitUntilAsync(items => items.Count == 3);
        Assert.Equal([1, 2, 3], healthy.Items);
        lock (_reported)
        {
            var fault = Assert.Single(_reported);
            Assert.Equal(ClientErrorKind.SubscriberFault, fault.Kind);
            Assert.IsType<InvalidOperationException>(fault.Exception);
        }
    }

    [Fact]
    public async Task An_event_subscriber_that_falls_behind_is_unsubscribed_with_an_overflow_error()
    {
        var subject = Create(OverflowPolicy.FaultSubscriber, capacity: 4);
        var gate = new ManualResetEventSlim(false);
        var slow = new RecordingObserver<int> { OnNextAction = _ => gate.Wait(TestDefaults.Timeout) };
        var fast = new RecordingObserver<int>();
        subject.Subscribe(slow);
        subject.Subscribe(fast);

        // The producer never blocks while the slow subscriber is stuck on item 1; the fast one keeps up.
        for (var i = 1; i <= 10; i++)
        {
            subject.OnNext(i);
            await fast.WaitUntilAsync(items => items.Count == i);
        }
        gate.Set();

        await slow.WaitForTerminalAsync();
        Assert.IsType<SubscriberOverflowException>(slow.Error);
        await fast.WaitUntilAsync(items => items.Count == 10);
        Assert.Equal(1, subject.SubscriberCount);
        lock (_reported)
        {
            Assert.Contains(_reported, e => e.Kind == ClientErrorKind.SubscriberOverflow);
        }
    }

    [Fact]
    public async Task A_state_subscriber_that_falls_behind_keeps_the_newest_state()
    {
        var subject = Create(OverflowPolicy.DropOldest, capacity: 2);
        var gate = new ManualResetEventSlim(false);
        var slow = new RecordingObserver<int> { OnNextAction = _ => gate.Wait(TestDefaults.Timeout) };
        subject.Subscribe(slow);
        subject.OnNext(1);
        await slow.WaitUntilAsync(items => items.Count == 1);
        for (var i = 2; i <= 10; i++)
        {
            subject.OnNext(i);
        }
        gate.Set();

        await slow.WaitUntilAsync(items => items[^1] == 10);
        Assert.True(slow.Items.Count <= 4);
        Assert.Null(slow.Error);
    }

    [Fact]
    public async Task Replaying_subject_gives_a_new_subscriber_the_latest_item_then_completes_it()
    {
        var subject = Create(OverflowPolicy.DropOldest, replay: true);
        subject.OnNext(1);
        subject.OnNext(2);
        var late = new RecordingObserver<int>();
        subject.Subscribe(late);
        subject.OnCompleted();

        await late.WaitForTerminalAsync();
        Assert.Equal([2], late.Items);
        Assert.True(late.Completed);
    }

    [Fact]
    public async Task Disposing_a_subscription_stops_delivery()
    {
        var subject = Create(OverflowPolicy.FaultSubscriber);
        var observer = new RecordingObserver<int>();
        var subscription = subject.Subscribe(observer);
        subject.OnNext(1);
        await observer.WaitUntilAsync(items => items.Count == 1);
        subscription.Dispose();
        subject.OnNext(2);
        subject.OnCompleted();
        await Task.Delay(20);
        Assert.Equal([1], observer.Items);
        Assert.Equal(0, subject.SubscriberCount);
    }

    [Fact]
    public async Task An_event_stream_without_subscribers_drops_its_items_and_serves_the_next_subscriber_from_then_on()
    {
        // OnNext skips its lock when an event stream has no subscriber (task 18y): nothing is kept for later, and a
        // subscriber that comes (or comes back) afterwards gets every later item, then the terminal call.
        var subject = Create(OverflowPolicy.FaultSubscriber);
        subject.OnNext(1);
        var first = new RecordingObserver<int>();
        var subscription = subject.Subscribe(first);
        subject.OnNext(2);
        await first.WaitUntilAsync(items => items.Count == 1);
        subscription.Dispose();
        subject.OnNext(3);
        var second = new RecordingObserver<int>();
        subject.Subscribe(second);
        subject.OnNext(4);
        subject.OnCompleted();
        subject.OnNext(5);

        await second.WaitForTerminalAsync();
        Assert.Equal([2], first.Items);
        Assert.Equal([4], second.Items);
        Assert.True(second.Completed);
    }
}
