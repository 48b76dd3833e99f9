using BlinkTrade.Testing.Gateway;
using BlinkTrade.Testing.Matching;
using EngineReport = BlinkTrade.Testing.Matching.ExecutionReport;

namespace BlinkTrade.Benchmarks.Protocol;

/// <summary>
/// An <c>8</c> exactly as the reference exchange encodes it (its own encoder: <c>OrderDate</c>, <c>Volume</c> and
/// <c>TransactTime</c>, a field the SDK's record keeps as extension data), for the parse benchmarks.
/// </summary>
internal static class ExecutionReportFrames
{
    private static readonly DateTimeOffset OrderDate = new(2026, 12, 5, 0, 40, 12, TimeSpan.Zero);

    /// <summary>The taker's report of a partial fill: 0.5 of 0.8 BTC at 620.00, the order resting at 621.00.</summary>
    public static byte[] PartialFill() => ExchangeState.ExecutionReportFrame(
        new EngineReport
        {
            ExecId = 741_402,
            OrderId = 1_459_028_830_990,
            ClOrdId = "7302190",
            ExecType = ExecType.PartiallyFilled,
            OrderStatus = OrderStatus.PartiallyFilled,
            ExecSide = Side.Buy,
            Symbol = "BTCUSD",
            Side = Side.Buy,
            OrderType = OrderType.Limit,
            TimeInForce = TimeInForce.GoodTillCancel,
            OrderQty = 80_000_000,
            Price = 62_100_000_000,
            LastShares = 50_000_000,
            LastPx = 62_000_000_000,
            LeavesQty = 30_000_000,
            CumQty = 50_000_000,
            AvgPx = 62_000_000_000,
            BrokerId = 5,
            UserId = 90_800_127,
            Timestamp = OrderDate.UtcTicks + TimeSpan.TicksPerMillisecond * 1_234,
        },
        OrderDate);
}
