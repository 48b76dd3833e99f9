using BlinkTrade.Client.Internal.Streams;
using BlinkTrade.Client.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlinkTrade.Client.Tests.Internal;

/// <summary><see cref="SafeSubject{T}.IsIdle"/>: what the test kit's run-until-idle reads of a client's streams.</summary>
public sealed class SafeSubjectIdleTests
{
    [Fact]
    public async Task A_subject_is_idle_only_when_every_subscriber_was_handed_everything_published()
    {
        var subject = new SafeSubject<int>("test", OverflowPolicy.FaultSubscriber, 100, replayLatest: false, NullLogger.Instance, null, TimeProvider.System);
        Assert.True(subject.IsIdle); // nobody to deliver to

        using var release = new ManualResetEventSlim(false);
        var inFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new RecordingObserver<int>
        {
            OnNextAction = _ =>
            {
                inFirst.TrySetResult();
                release.Wait(TestDefaults.Timeout);
            },
        };
        subject.Subscribe(slow);
        subject.Subscribe(new RecordingObserver<int>());
        subject.OnNext(1);
        subject.OnNext(2);

        Assert.False(subject.IsIdle); // queued, or being delivered
        await inFirst.Task.WaitAsync(TestDefaults.Timeout);
        Assert.False(subject.IsIdle); // 1 is in the slow subscriber's hands, 2 waits behind it

        release.Set();
        await slow.WaitUntilAsync(items => items.Count == 2);
        // The pump clears its busy mark right after the last OnNext returns.
        Assert.True(SpinWait.SpinUntil(() => subject.IsIdle, TestDefaults.Timeout));
    }
}
