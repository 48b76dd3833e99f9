using System.Collections.Concurrent;
using BlinkTrade.Client.Internal.Streams;
using BlinkTrade.Client.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlinkTrade.Client.Tests.Internal;

/// <summary>
/// How <see cref="SafeSubject{T}"/> hands items over: each subscriber's queue is drained by a thread-pool work item of
/// its own, queued on the producer's thread (the receive loop) when it is a pool thread. These pin what that must keep.
/// </summary>
public sealed class SafeSubjectDeliveryTests
{
    private static SafeSubject<int> Create(OverflowPolicy policy = OverflowPolicy.FaultSubscriber, int capacity = 100_000)
        => new("test", policy, capacity, replayLatest: false, NullLogger.Instance, null, TimeProvider.System);

    // Subscribes an observer, publishes 1 and returns once the observer is inside OnNext(1), where it stays until
    // release is set.
    private static async Task<RecordingObserver<int>> SubscribeStuckOnFirstItemAsync(SafeSubject<int> subject, ManualResetEventSlim release)
    {
        var inFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observer = new RecordingObserver<int>
        {
            OnNextAction = value =>
            {
                if (value == 1)
                {
                    inFirst.TrySetResult();
                    release.Wait(TestDefaults.Timeout);
                }
            },
        };
        subject.Subscribe(observer);
        subject.OnNext(1);
        await inFirst.Task.WaitAsync(TestDefaults.Timeout);
        return observer;
    }

    [Fact]
    public async Task A_producer_on_a_pool_thread_that_blocks_until_delivery_is_not_waited_for()
    {
        // The drain is queued to the producing pool thread's own queue: another thread must still take it, or a
        // producer that waits for its subscriber (a receive loop stalled on a slow handler) would wait forever.
        var subject = Create();
        using var delivered = new ManualResetEventSlim(false);
        var observer = new RecordingObserver<int> { OnNextAction = _ => delivered.Set() };
        subject.Subscribe(observer);

        var sawDelivery = await Task.Run(() =>
        {
            subject.OnNext(1);
            return delivered.Wait(TestDefaults.Timeout * 3);
        });

        Assert.True(sawDelivery);
        Assert.Equal([1], observer.Items);
    }

    [Fact]
    public async Task Concurrent_producers_never_make_a_subscriber_run_concurrently_and_each_producers_order_holds()
    {
        const int producers = 4;
        const int perProducer = 5_000;
        var subject = Create();
        var inside = 0;
        var overlaps = 0;
        var seen = new ConcurrentQueue<int>();
        var observer = new RecordingObserver<int>
        {
            OnNextAction = value =>
            {
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }
                seen.Enqueue(value);
                Interlocked.Decrement(ref inside);
            },
        };
        subject.Subscribe(observer);

        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                subject.OnNext((p * perProducer) + i);
            }
        })));
        await observer.WaitUntilAsync(items => items.Count == producers * perProducer, TestDefaults.Timeout * 3);

        Assert.Equal(0, overlaps);
        var last = Enumerable.Repeat(-1, producers).ToArray();
        foreach (var value in seen)
        {
            var producer = value / perProducer;
            Assert.True(value > last[producer], $"{value} came after {last[producer]} of the same producer");
            last[producer] = value;
        }
    }

    [Fact]
    public async Task Completion_comes_after_every_queued_item()
    {
        var subject = Create();
        using var release = new ManualResetEventSlim(false);
        var observer = await SubscribeStuckOnFirstItemAsync(subject, release);
        subject.OnNext(2);
        subject.OnNext(3);
        subject.OnCompleted();

        Assert.False(observer.Completed); // 1 is still in the subscriber's hands
        release.Set();

        await observer.WaitForTerminalAsync();
        Assert.Equal([1, 2, 3], observer.Items);
        Assert.True(observer.Completed);
    }

    [Fact]
    public async Task A_state_subscriber_that_falls_behind_keeps_its_queue_at_capacity_with_the_newest_items()
    {
        var subject = Create(OverflowPolicy.DropOldest, capacity: 3);
        using var release = new ManualResetEventSlim(false);
        var observer = await SubscribeStuckOnFirstItemAsync(subject, release);
        for (var i = 2; i <= 10; i++)
        {
            subject.OnNext(i);
        }
        release.Set();

        await observer.WaitUntilAsync(items => items.Count == 4);
        Assert.Equal([1, 8, 9, 10], observer.Items);
        Assert.Equal(1, subject.SubscriberCount);
    }
}
