using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Matching;
using EngineSide = BlinkTrade.Testing.Matching.Side;

namespace BlinkTrade.Benchmarks.Protocol;

/// <summary>
/// Market-data frames exactly as the reference exchange encodes them (its own <c>X</c> encoder and <c>W</c> entries), for
/// the parse benchmarks: a one-trade <c>X</c>, a three-change book <c>X</c> and a 10×10 <c>W</c> snapshot.
/// </summary>
internal static class MarketDataFrames
{
    private static readonly DateTimeOffset OrderDate = new(2026, 12, 5, 0, 40, 12, TimeSpan.Zero);

    private static readonly long Timestamp = OrderDate.UtcTicks + TimeSpan.TicksPerMillisecond * 1_234;

    // The client numbers its market-data requests; the exchange echoes the id.
    private static readonly BookSubscription Subscriber = new(null!, JsonSerializer.SerializeToElement(3140401), Book: true, Trades: true);

    /// <summary>An <c>X</c> with one trade (what every fill publishes to trade subscribers).</summary>
    public static byte[] Trade() => MarketDataHub.TradesFrame(Subscriber,
        [new(16094, "BTCUSD", 62_000_000_000, 50_000_000, EngineSide.Buy, 1_459_028_830_990, 1_459_028_830_811, 90_800_127, 90_000_002, OrderDate)]);

    /// <summary>An <c>X</c> with three book changes of one command: the maker's top entry shrinks, the next one leaves, a new order rests.</summary>
    public static byte[] BookChanges() => MarketDataHub.BookUpdateFrame(Subscriber,
        [
            new() { Symbol = "BTCUSD", Action = BookUpdateAction.Update, Side = EngineSide.Sell, Position = 1, Price = 62_000_000_000, Quantity = 30_000_000, OrderId = 1_459_028_830_811, BrokerId = 5, UserId = 90_000_002, OrderTimestamp = Timestamp },
            new() { Symbol = "BTCUSD", Action = BookUpdateAction.Delete, Side = EngineSide.Sell, Position = 2 },
            new() { Symbol = "BTCUSD", Action = BookUpdateAction.New, Side = EngineSide.Buy, Position = 3, Price = 61_900_000_000, Quantity = 80_000_000, OrderId = 1_459_028_830_990, BrokerId = 5, UserId = 90_800_127, OrderTimestamp = Timestamp },
        ],
        _ => "exchange");

    /// <summary>A <c>W</c> snapshot of a 10×10 book (MarketDepth 10), bids then asks, best first.</summary>
    public static byte[] Snapshot10x10()
    {
        var entries = new List<MarketDataEntry>(20);
        foreach (var side in new[] { EngineSide.Buy, EngineSide.Sell })
        {
            for (var position = 1; position <= 10; position++)
            {
                var price = side == EngineSide.Buy ? 61_990_000_000 - position * 10_000_000 : 62_000_000_000 + position * 10_000_000;
                var orderId = 1_459_028_830_000 + (side == EngineSide.Buy ? 0 : 100) + position;
                entries.Add(MarketDataEntries.Book(null, null, side, position, orderId, price, 1_000_000L * position, Timestamp + position, 90_000_000 + position, "exchange"));
            }
        }
        return ProtocolSerializer.SerializeToUtf8Bytes(new MarketDataFullRefresh { MDReqID = 3140401, Symbol = "BTCUSD", MarketDepth = 10, MDFullGrp = entries });
    }
}
