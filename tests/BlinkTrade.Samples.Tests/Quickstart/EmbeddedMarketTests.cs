using BlinkTrade.Client;
using BlinkTrade.Quickstart.Embedded;
using BlinkTrade.Quickstart.State;

namespace BlinkTrade.Samples.Tests.Quickstart;

/// <summary>The simulated market, in process, through the same loopback WebSocket the quickstart's client uses.</summary>
public sealed class EmbeddedMarketTests
{
    [Fact]
    public async Task The_simulated_traders_keep_the_book_two_sided_and_trades_printing()
    {
        var problems = new List<string>();
        var aggressors = new List<string>();
        await using var embedded = await EmbeddedExchange.StartAsync("BTCUSD", seed: 42, p => { lock (problems) { problems.Add(p); } }, CancellationToken.None);
        await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Endpoint = embedded.WebSocketUri,
            BrokerId = EmbeddedExchange.BrokerId,
            Credentials = embedded.Credentials,
        });
        var state = new MarketState("BTCUSD");
        using var subscriptions = state.Attach(client);
        using var sides = client.ObserveTrades("BTCUSD").Subscribe(trade =>
        {
            lock (aggressors)
            {
                aggressors.Add($"{trade.AggressorSide}");
            }
        });
        await client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(10));

        using var stop = new CancellationTokenSource();
        var simulation = embedded.Simulator.RunAsync(stop.Token);
        try
        {
            // From the first book on, sample the view every 100 ms for three seconds.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (state.Snapshot().Book is not { BestBid: not null, BestAsk: not null } && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            var tradesAtStart = state.Snapshot().TradeCount;
            for (var i = 0; i < 30; i++)
            {
                var book = state.Snapshot().Book;
                Assert.NotNull(book);
                Assert.True(book.BestBid is { } bid && book.BestAsk is { } ask && bid.Price < ask.Price,
                    $"sample {i}: not a two-sided, uncrossed book ({book.BestBid?.Price} / {book.BestAsk?.Price})");
                await Task.Delay(100);
            }
            var trades = state.Snapshot().TradeCount - tradesAtStart;
            Assert.True(trades >= 3, $"only {trades} trades in three seconds");
            lock (aggressors)
            {
                // Takers buy and sell (their seeds are decorrelated: neighbouring seeds once made both sell in lockstep).
                Assert.True(aggressors.Distinct().Count() == 2, $"one-way flow: {string.Join(", ", aggressors)}");
            }
        }
        finally
        {
            await stop.CancelAsync();
            await simulation.WaitAsync(TimeSpan.FromSeconds(10)); // stops promptly and never faults
        }
        Assert.Empty(problems);
        Assert.Null(state.Snapshot().LastError);
    }
}
