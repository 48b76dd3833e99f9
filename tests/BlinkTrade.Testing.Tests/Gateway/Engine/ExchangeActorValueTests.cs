using BlinkTrade.Testing.Gateway.Engine;

namespace BlinkTrade.Testing.Tests.Gateway.Engine;

/// <summary>
/// <see cref="ExchangeActor{TState}.InvokeValueAsync{TArgument, T}"/>, the order path's way onto the actor: the same
/// order, results, errors and announce steps as <c>InvokeAsync</c>, nothing allocated when the actor is idle, a caller's
/// continuation never run on the actor's thread, and a cancelled wait that leaves the item to run in its turn.
/// </summary>
public sealed class ExchangeActorValueTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_idle_actor_runs_the_item_on_the_caller_and_allocates_nothing_for_it()
    {
        await using var actor = new ExchangeActor<int[]>([0]);
        Func<int[], int, int> add = static (state, n) => state[0] += n;
        // Once to JIT the path, then measured.
        Assert.Equal(1, await actor.InvokeValueAsync(1, add, null, CancellationToken.None));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = actor.InvokeValueAsync(2, add, null, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsCompletedSuccessfully);
        Assert.Equal(3, await result);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task A_backlog_of_both_kinds_runs_in_arrival_order_with_results_errors_and_announcements()
    {
        var log = new List<string>();
        await using var actor = new ExchangeActor<List<string>>(log);
        var release = await ActorHold.HoldAsync(actor, SafetyNet);

        const int Items = ExchangeActor<List<string>>.MaxBatch + 9;
        var values = new List<Task<int>>();
        var tasks = new List<Task<int>>();
        for (var i = 0; i < Items; i++)
        {
            if (i % 2 == 0)
            {
                values.Add(actor.InvokeValueAsync(i, static (state, n) =>
                {
                    state.Add($"run {n}");
                    return n % 10 == 4 ? throw new InvalidOperationException($"item {n}") : n;
                }, static (state, n) => state.Add($"announce {n}"), CancellationToken.None).AsTask());
            }
            else
            {
                tasks.Add(actor.InvokeAsync(i, static (state, n) =>
                {
                    state.Add($"run {n}");
                    return n;
                }, null, CancellationToken.None));
            }
        }
        Assert.Equal(Items, actor.Backlog);
        release.SetResult();

        for (var i = 0; i < values.Count; i++)
        {
            var n = 2 * i;
            if (n % 10 == 4)
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => values[i].WaitAsync(SafetyNet));
                Assert.Equal($"item {n}", error.Message);
            }
            else
            {
                Assert.Equal(n, await values[i].WaitAsync(SafetyNet));
            }
        }
        Assert.Equal(Enumerable.Range(0, tasks.Count).Select(i => (2 * i) + 1), await Task.WhenAll(tasks).WaitAsync(SafetyNet));
        Assert.Equal(Enumerable.Range(0, Items).Select(n => $"run {n}"), log.Where(e => e.StartsWith("run ", StringComparison.Ordinal)));
        for (var n = 0; n < Items; n += 2)
        {
            var announced = log.IndexOf($"announce {n}");
            Assert.True(announced >= 0 && announced < log.IndexOf($"run {n}"), $"item {n} was not announced before it ran");
        }
    }

    [Fact]
    public async Task A_callers_continuation_does_not_run_on_the_actor()
    {
        await using var actor = new ExchangeActor<int>(0);
        var release = await ActorHold.HoldAsync(actor, SafetyNet);
        var secondRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = actor.InvokeValueAsync(1, static (_, n) => n, null, CancellationToken.None);
        _ = actor.InvokeValueAsync(secondRan, static (_, signal) =>
        {
            signal.SetResult();
            return 2;
        }, null, CancellationToken.None).AsTask();

        // The first caller waits, after its result, for the second item: were its continuation run by the actor's
        // drain, the second item could not run until it returned.
        var waited = WaitAfterAsync(first, secondRan.Task);
        release.SetResult();
        Assert.True(await waited.WaitAsync(SafetyNet));

        static async Task<bool> WaitAfterAsync(ValueTask<int> result, Task other)
        {
            await result;
            return other.Wait(SafetyNet);
        }
    }

    [Fact]
    public async Task A_cancelled_wait_ends_at_once_and_the_item_still_runs_in_its_turn()
    {
        var ran = new List<int>();
        await using var actor = new ExchangeActor<List<int>>(ran);
        var release = await ActorHold.HoldAsync(actor, SafetyNet);
        using var cancel = new CancellationTokenSource();
        var cancelled = actor.InvokeValueAsync(1, static (state, n) =>
        {
            state.Add(n);
            return n;
        }, null, cancel.Token);
        var after = actor.InvokeValueAsync(2, static (state, n) =>
        {
            state.Add(n);
            return n;
        }, null, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.AsTask().WaitAsync(SafetyNet));
        Assert.Empty(ran); // the actor is still held: only the wait ended

        release.SetResult();
        Assert.Equal(2, await after.AsTask().WaitAsync(SafetyNet));
        Assert.Equal(new List<int> { 1, 2 }, ran);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_call_is_refused_without_running_the_item()
    {
        var ran = 0;
        await using var actor = new ExchangeActor<int>(0);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        Assert.Throws<OperationCanceledException>(() => actor.InvokeValueAsync(1, (_, n) => ran += n, null, cancel.Token));
        Assert.Equal(0, ran);
    }
}
