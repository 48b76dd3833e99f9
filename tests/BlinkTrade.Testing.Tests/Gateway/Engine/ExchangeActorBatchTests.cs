using BlinkTrade.Testing.Gateway.Engine;

namespace BlinkTrade.Testing.Tests.Gateway.Engine;

/// <summary>
/// The exchange actor's backlog drain: queued work items run in arrival order in batches of at most
/// <see cref="ExchangeActor{TState}.MaxBatch"/>, and each queued item's announce step runs once, before the item, a few
/// items ahead of it.
/// </summary>
public sealed class ExchangeActorBatchTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_backlog_runs_in_arrival_order_each_item_announced_once_before_it_runs()
    {
        var log = new List<string>();
        await using var actor = new ExchangeActor<List<string>>(log);
        var release = await ActorHold.HoldAsync(actor, SafetyNet);

        // Items from 5 "sessions", interleaved, more than two batches' worth.
        const int Items = (2 * ExchangeActor<List<string>>.MaxBatch) + 17;
        var pending = new List<Task<int>>();
        for (var i = 0; i < Items; i++)
        {
            pending.Add(actor.InvokeAsync(i, static (state, n) =>
            {
                state.Add($"run {n}");
                return n;
            }, static (state, n) => state.Add($"announce {n}"), CancellationToken.None));
        }
        Assert.Equal(Items, actor.Backlog);
        release.SetResult();
        var results = await Task.WhenAll(pending).WaitAsync(SafetyNet);

        Assert.Equal(Enumerable.Range(0, Items), results);
        var runs = log.Where(e => e.StartsWith("run ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, Items).Select(n => $"run {n}"), runs);
        for (var n = 0; n < Items; n++)
        {
            var announced = log.IndexOf($"announce {n}");
            Assert.True(announced >= 0, $"item {n} was not announced");
            Assert.Equal(announced, log.LastIndexOf($"announce {n}"));
            Assert.True(announced < log.IndexOf($"run {n}"), $"item {n} was announced after it ran");
            // Within a batch item n is announced just before item n − LookaheadDistance runs; a batch's first items
            // are announced together when it starts.
            var lookahead = ExchangeActor<List<string>>.LookaheadDistance;
            if (n % ExchangeActor<List<string>>.MaxBatch >= lookahead)
            {
                Assert.Equal($"announce {n}", log[log.IndexOf($"run {n - lookahead}") - 1]);
            }
        }
    }

    [Fact]
    public async Task A_failing_announce_or_item_leaves_the_others_unaffected()
    {
        await using var actor = new ExchangeActor<List<int>>([]);
        var release = await ActorHold.HoldAsync(actor, SafetyNet);
        var good = actor.InvokeAsync(1, static (state, n) => n, static (_, _) => throw new InvalidOperationException("hint"), CancellationToken.None);
        var bad = actor.InvokeAsync(2, static (_, n) => n > 0 ? throw new InvalidOperationException("work") : n, null, CancellationToken.None);
        var after = actor.InvokeAsync(3, static (state, n) => n, null, CancellationToken.None);
        release.SetResult();

        Assert.Equal(1, await good.WaitAsync(SafetyNet));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad.WaitAsync(SafetyNet));
        Assert.Equal("work", error.Message);
        Assert.Equal(3, await after.WaitAsync(SafetyNet));
    }
}
