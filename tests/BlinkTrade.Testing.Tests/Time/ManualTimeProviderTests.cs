using BlinkTrade.Testing.Time;

namespace BlinkTrade.Testing.Tests.Time;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Clock_moves_only_when_advanced()
    {
        var start = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new ManualTimeProvider(start);
        Assert.Equal(start, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(start.AddSeconds(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(start.UtcTicks, clock.GetTimestamp()));
    }

    [Fact]
    public void Timers_fire_in_due_order_and_periodic_timers_repeat()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<string>();
        using var periodic = clock.CreateTimer(_ => fired.Add("p@" + clock.GetUtcNow().Second), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        using var once = clock.CreateTimer(_ => fired.Add("o@" + clock.GetUtcNow().Second), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["p@2", "o@3", "p@4"], fired);
    }

    [Fact]
    public async Task Task_Delay_completes_when_the_clock_passes_it()
    {
        var clock = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Disposed_and_changed_timers_do_not_fire()
    {
        var clock = new ManualTimeProvider();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromSeconds(5));
        timer.Dispose();
        Assert.Equal(1, count);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(clock.GetUtcNow().AddSeconds(-1)));
    }
}
