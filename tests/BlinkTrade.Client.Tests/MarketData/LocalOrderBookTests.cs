using System.Text.Json;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.MarketData;

public sealed class LocalOrderBookTests
{
    private static List<BlinkTradeMessage> Example(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "examples", file)));
        return document.RootElement.EnumerateArray().Select(e => ProtocolSerializer.Deserialize(e.GetRawText())).ToList();
    }

    private static OrderBookEntry E(decimal price, decimal size, long id) => new(Price.FromDecimal(price), Quantity.FromDecimal(size), id, null, null);

    [Fact]
    public void The_example_scenario_snapshot_then_deltas_gives_the_documented_book()
    {
        var snapshot = (MarketDataFullRefresh)Example("W_MarketDataFullRefresh.json")[2];
        var book = new LocalOrderBook("BTCUSD");
        Assert.True(book.TryReset(snapshot.MDFullGrp));
        Assert.Equal([62000000000L, 62100000000L], book.Asks.Publish().Select(a => a.Price.Satoshis));

        // X #2: the buy of 0.8 @ 621 took S1 (delete-thru 1) and left S2 with 0.7 (change at 1); X #3 are trades.
        var deltas = Example("X_MarketDataIncrementalRefresh.json").Cast<MarketDataIncrementalRefresh>().ToList();
        foreach (var entry in deltas[1].MDIncGrp! .Concat(deltas[2].MDIncGrp!))
        {
            Assert.True(book.TryApply(entry));
        }
        var ask = Assert.Single(book.Asks.Publish());
        Assert.Equal(1459028830812, ask.OrderId);
        Assert.Equal(Quantity.FromDecimal(0.7m), ask.Size);

        // X #4: the resting ask is cancelled; X #5 is a volume entry, ignored.
        Assert.True(book.TryApply(deltas[3].MDIncGrp![0]));
        Assert.True(book.TryApply(deltas[4].MDIncGrp![0]));
        Assert.Equal(0, book.Asks.Count);
        Assert.Equal(1, book.Bids.Count);
    }

    [Fact]
    public void A_snapshot_held_across_updates_never_changes_and_an_update_copies_only_what_it_touches()
    {
        var book = new LocalOrderBook("BTCUSD");
        var depth = OrderBookSide.MaxChunk * 4;
        book.Bids.Load([.. Enumerable.Range(0, depth).Select(i => E(1000 - i, 1, i))]);
        book.Asks.Load([.. Enumerable.Range(0, depth).Select(i => E(1001 + i, 1, 1000 + i))]);
        var first = book.ToSnapshot(1, isReset: true, DateTimeOffset.UnixEpoch);
        var firstBids = first.Bids.ToArray();

        // A new best bid, a size change deep in the book and a delete in the middle, then one more snapshot.
        Assert.True(book.Bids.TryInsert(1, E(1001m - 0.5m, 2, 5000)));
        Assert.True(book.Bids.TryReplace(depth + 1, E(1000 - depth + 1, 7, depth - 1))); // the last one
        Assert.True(book.Bids.TryRemoveAt(depth / 2));
        var second = book.ToSnapshot(2, isReset: false, DateTimeOffset.UnixEpoch);

        Assert.Equal(firstBids, first.Bids);                 // the held snapshot is as it was
        Assert.Equal(5000L, second.BestBid!.Value.OrderId);
        Assert.Equal(depth, second.Bids.Count);
        Assert.Equal(Quantity.FromDecimal(7), second.Bids[depth - 1].Size);
        Assert.Same(first.Asks, second.Asks);                // the side that did not change is shared as it was

        // Emptying the side leaves both earlier snapshots whole.
        Assert.True(book.Bids.TryRemoveThrough(depth));
        var third = book.ToSnapshot(3, isReset: false, DateTimeOffset.UnixEpoch);
        Assert.Empty(third.Bids);
        Assert.Null(third.BestBid);
        Assert.Equal(firstBids, first.Bids);
        Assert.Equal(depth, second.Bids.Count);
    }

    [Fact]
    public void Positions_follow_section_3_8()
    {
        var side = new OrderBookSide();
        Assert.True(side.TryInsert(1, E(10, 1, 1)));            // [1]
        Assert.True(side.TryInsert(2, E(9, 1, 2)));             // [1,2]
        Assert.True(side.TryInsert(1, E(11, 1, 3)));            // [3,1,2]
        Assert.True(side.TryInsert(4, E(8, 1, 4)));             // [3,1,2,4]
        Assert.True(side.TryReplace(2, E(10, 5, 1)));           // size change at position 2
        Assert.True(side.TryRemoveAt(3));                       // [3,1,4]
        Assert.Equal([3L, 1L, 4L], side.Publish().Select(e => e.OrderId));
        Assert.Equal(Quantity.FromDecimal(5), side[2].Size);
        Assert.True(side.TryRemoveThrough(2));                  // [4]
        Assert.Equal([4L], side.Publish().Select(e => e.OrderId));
        Assert.True(side.TryRemoveThrough(0));                  // no-op
        Assert.True(side.TryRemoveThrough(1));                  // []
        Assert.Equal(0, side.Count);
    }

    [Theory]
    [InlineData("0", 3)]   // insert past Count+1
    [InlineData("0", 0)]
    [InlineData("1", 2)]   // change past Count
    [InlineData("2", 2)]
    [InlineData("2", 0)]
    [InlineData("3", 2)]   // delete-thru past Count
    [InlineData("9", 1)]   // unknown action
    public void An_entry_that_does_not_fit_is_refused_and_leaves_the_side_unchanged(string action, int position)
    {
        var side = new OrderBookSide();
        side.Add(E(10, 1, 1));
        Assert.False(LocalOrderBook.TryApply(side, new MarketDataUpdateAction(action), position, E(1, 1, 99)));
        Assert.Equal([1L], side.Publish().Select(e => e.OrderId));
    }

    [Fact]
    public void Random_operations_match_a_naive_list_model()
    {
        var random = new Random(20261121);
        var side = new OrderBookSide();
        var model = new List<OrderBookEntry>();
        for (var step = 0; step < 20_000; step++)
        {
            var entry = E(random.Next(1, 1000), random.Next(1, 100), step);
            switch (random.Next(4))
            {
                case 0:
                    var insertAt = random.Next(1, model.Count + 2);
                    Assert.True(side.TryInsert(insertAt, entry));
                    model.Insert(insertAt - 1, entry);
                    break;
                case 1 when model.Count > 0:
                    var changeAt = random.Next(1, model.Count + 1);
                    Assert.True(side.TryReplace(changeAt, entry));
                    model[changeAt - 1] = entry;
                    break;
                case 2 when model.Count > 0:
                    var deleteAt = random.Next(1, model.Count + 1);
                    Assert.True(side.TryRemoveAt(deleteAt));
                    model.RemoveAt(deleteAt - 1);
                    break;
                case 3 when model.Count > 0 && random.Next(10) == 0:
                    var through = random.Next(0, model.Count + 1);
                    Assert.True(side.TryRemoveThrough(through));
                    model.RemoveRange(0, through);
                    break;
            }
            Assert.Equal(model.Count, side.Count);
        }
        Assert.Equal(model, side.Publish());
    }
}
