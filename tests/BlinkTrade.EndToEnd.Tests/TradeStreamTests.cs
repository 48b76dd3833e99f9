using BlinkTrade.Client;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>ObserveTrades has no hole across a disconnect: the W snapshot's trades (the last 24 h on the reference
/// exchange) cover a short gap, the trade list (U32, Since = last TradeID) a longer one; every trade arrives once, in order.</summary>
public sealed class TradeStreamTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Trades_printed_while_the_watcher_was_away_arrive_after_it_is_back_once_each_and_in_order(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        // The exchange's clock is manual so that a gap can outlast the 24 hours a W's trades cover.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 7, 0, 0, TimeSpan.Zero));
        await using var h = await E2EHarness.StartAsync(kind, ct, configure: o => o with { TimeProvider = clock, IdleTimeout = TimeSpan.Zero });
        await h.CreateUserAsync("alice", usd: 100_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 100 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var bob = await h.ConnectAsync("bob", ct);
        var watcher = h.Client(credentials: null); // market data is public
        var trades = new Recorder<MarketTrade>();
        var tradeLists = 0;
        using var lists = watcher.Messages.Subscribe(m => { if (m is TradeHistoryResponse) { Interlocked.Increment(ref tradeLists); } });
        await watcher.ConnectAsync(ct);
        using var subscription = watcher.ObserveTrades(E2EHarness.Symbol).Subscribe(trades);

        var printed = 0;
        async Task TradeAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.1m), Price.FromDecimal(600m + printed)), ct);
                await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(600m + printed)), ct);
                printed++;
            }
        }

        await TradeAsync(3);
        await Wait.Eventually(() => trades.Count >= 3, what: "the first trades");

        // A short gap: the new snapshot's trades reach back past the last one seen.
        await watcher.DisconnectAsync(ct);
        await TradeAsync(2);
        await watcher.ConnectAsync(ct);
        await TradeAsync(1);
        await Wait.Eventually(() => trades.Count >= 6, what: "the short gap's trades");
        Assert.Equal(0, Volatile.Read(ref tradeLists));

        // A gap longer than the snapshot's 24 hours: only the trade list has the trades in between.
        await watcher.DisconnectAsync(ct);
        await TradeAsync(2);
        clock.Advance(TimeSpan.FromHours(25));
        await watcher.ConnectAsync(ct);
        await TradeAsync(1);
        await Wait.Eventually(() => trades.Count >= 9, what: "the long gap's trades");
        // Messages reaches its subscriber on its own queue, so the U33 may be counted a moment after the trades.
        await Wait.Eventually(() => Volatile.Read(ref tradeLists) >= 1, what: "the long gap was filled from the trade list");

        var all = new List<TradeHistoryEntry>();
        await foreach (var row in alice.GetTradeHistoryAsync(since: 0, cancellationToken: ct))
        {
            all.Add(row);
        }
        var expected = all.Select(t => (long?)t.TradeID).Order().ToList();
        Assert.Equal(9, expected.Count);
        Assert.Equal(expected, trades.Items.Select(t => t.TradeId));
        Assert.Equal(all.OrderBy(t => t.TradeID).Select(t => t.Price), trades.Items.Select(t => t.Price));
    }
}
