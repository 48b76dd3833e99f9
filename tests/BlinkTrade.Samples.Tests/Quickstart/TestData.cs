using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Samples.Tests.Quickstart;

/// <summary>Test data: trades, books and execution reports as the client would publish them.</summary>
internal static class TestData
{
    public static MarketTrade Trade(long id, decimal price) =>
        new("BTCUSD", id, Price.FromDecimal(price), Quantity.FromDecimal(0.1m), Side.Buy, id, id + 1, 1, 2, null, null);

    /// <summary>A book whose bids are <paramref name="bids"/> and whose asks mirror them one dollar higher.</summary>
    public static OrderBookSnapshot Book(params (decimal Price, decimal Size)[] bids)
    {
        var bidEntries = bids.Select((b, i) => new OrderBookEntry(Price.FromDecimal(b.Price), Quantity.FromDecimal(b.Size), i + 1, null, null)).ToArray();
        var askEntries = bids.Select((b, i) => new OrderBookEntry(Price.FromDecimal(b.Price + 1m), Quantity.FromDecimal(b.Size), 100 + i, null, null)).ToArray();
        return new OrderBookSnapshot("BTCUSD", bidEntries, askEntries, 1, true, DateTimeOffset.UnixEpoch);
    }

    public static ExecutionReport Report(long orderId, ExecType execType, OrdStatus status) => new()
    {
        OrderID = orderId,
        ClOrdID = $"c{orderId}",
        ExecID = execType == ExecType.New ? 1 : 2,
        ExecType = execType,
        OrdStatus = status,
        Symbol = "BTCUSD",
        Side = Side.Buy,
        OrdType = OrdType.Limit,
        OrderQty = Quantity.FromDecimal(0.01m),
        Price = Price.FromDecimal(557m),
        LeavesQty = status == OrdStatus.New ? Quantity.FromDecimal(0.01m) : Quantity.Zero,
        CxlQty = status == OrdStatus.Cancelled ? Quantity.FromDecimal(0.01m) : Quantity.Zero,
    };
}
