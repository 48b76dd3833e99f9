using BlinkTrade.Client.Account;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.State;

namespace BlinkTrade.Samples.Tests.Quickstart;

public sealed class MarketStateTests
{
    [Fact]
    public void Trades_are_counted_and_the_latest_kept_newest_first()
    {
        var state = new MarketState("BTCUSD");

        for (var i = 1; i <= 25; i++)
        {
            state.OnTrade(TestData.Trade(i, 620m + i / 100m));
        }

        var snapshot = state.Snapshot();
        Assert.Equal(25, snapshot.TradeCount);
        Assert.Equal(MarketState.HistoryLength, snapshot.RecentTrades.Count);
        Assert.Equal(Enumerable.Range(16, 10).Reverse().Select(i => (long?)i), snapshot.RecentTrades.Select(t => t.TradeId));
    }

    [Fact]
    public void The_health_line_shows_the_latest_heartbeat_and_the_reconnects_once_a_heartbeat_arrived()
    {
        var state = new MarketState("BTCUSD");
        state.OnConnection("LoggedIn");
        Assert.Null(state.Snapshot().Health);

        state.OnHeartbeat(TimeSpan.FromMilliseconds(0.4215));
        Assert.Equal("heartbeat 0.42 ms · 0 reconnects", state.Snapshot().Health);
        state.OnRecovered();
        state.OnHeartbeat(TimeSpan.FromMilliseconds(12));
        Assert.Equal("heartbeat 12 ms · 1 reconnect", state.Snapshot().Health);
        Assert.EndsWith("| LoggedIn (heartbeat 12 ms · 1 reconnect)", BlinkTrade.Quickstart.View.PlainTextFormatter.StatusLine(state.Snapshot()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_does_not_change_when_more_arrives()
    {
        var state = new MarketState("BTCUSD");
        state.OnTrade(TestData.Trade(1, 620m));
        state.OnExecutionReport(TestData.Report(7, ExecType.New, OrdStatus.New));
        var before = state.Snapshot();

        state.OnTrade(TestData.Trade(2, 621m));
        state.OnExecutionReport(TestData.Report(7, ExecType.Cancelled, OrdStatus.Cancelled));
        state.OnBook(TestData.Book((620m, 1m)) with { Sequence = 2 });

        Assert.Equal(1, before.TradeCount);
        Assert.Single(before.RecentTrades);
        Assert.Single(before.RecentExecutionReports);
        Assert.Null(before.Book);
        var after = state.Snapshot();
        Assert.Equal(2, after.TradeCount);
        Assert.Equal([ExecType.Cancelled, ExecType.New], after.RecentExecutionReports.Select(r => r.ExecType));
        Assert.Equal(2, after.Book?.Sequence);
    }

    [Fact]
    public void Execution_reports_and_notices_raise_events_after_they_are_recorded()
    {
        var state = new MarketState("BTCUSD");
        var seen = new List<string>();
        state.ExecutionReportReceived += r => seen.Add($"{r.ExecType} {state.Snapshot().RecentExecutionReports.Count}");
        state.NoticeReceived += n => seen.Add($"{n} {state.Snapshot().LastNotice}");

        state.OnExecutionReport(TestData.Report(1, ExecType.New, OrdStatus.New));
        state.Notice("hello");

        Assert.Equal(["New 1", "hello hello"], seen);
    }

    [Fact]
    public void Callbacks_from_many_threads_at_once_lose_nothing()
    {
        var state = new MarketState("BTCUSD");

        Parallel.For(0, 8_000, i =>
        {
            state.OnTrade(TestData.Trade(i, 620m));
            if (i % 4 == 0)
            {
                state.OnBalances(new BalanceSnapshot(new Dictionary<int, BrokerBalances>(), DateTimeOffset.UnixEpoch));
                _ = state.Snapshot();
            }
        });

        var snapshot = state.Snapshot();
        Assert.Equal(8_000, snapshot.TradeCount);
        Assert.Equal(MarketState.HistoryLength, snapshot.RecentTrades.Count);
    }

    [Fact]
    public void Book_levels_add_up_the_orders_at_each_price_with_cumulative_depth()
    {
        var book = TestData.Book((620.10m, 0.5m), (620.10m, 0.25m), (620.00m, 1m), (619.90m, 2m), (619.80m, 4m));

        var levels = BookLevel.Aggregate(book.Bids, depth: 3);

        Assert.Equal(
            [
                new BookLevel(Price.FromDecimal(620.10m), Quantity.FromDecimal(0.75m), Quantity.FromDecimal(0.75m), 2),
                new BookLevel(Price.FromDecimal(620.00m), Quantity.FromDecimal(1m), Quantity.FromDecimal(1.75m), 1),
                new BookLevel(Price.FromDecimal(619.90m), Quantity.FromDecimal(2m), Quantity.FromDecimal(3.75m), 1),
            ],
            levels);
        Assert.Empty(BookLevel.Aggregate([], depth: 3));
    }
}
