using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Gateway;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Benchmarks;

/// <summary>
/// The exchange's hot publications: the <c>8</c> execution report of an engine report and the <c>X</c> incremental
/// refresh of one command's book changes and of its trades, encoded for one subscriber the way
/// <c>ExchangeState</c> and <c>MarketDataHub</c> publish them, and the <c>U3</c> balance delta of a fill's account (two
/// currencies) against the former hand-written writer kept here as its baseline. Run:
/// <c>dotnet run -c Release --project benchmarks/BlinkTrade.Benchmarks -- --filter '*PublicationEncode*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class PublicationEncodeBenchmarks
{
    private static readonly DateTimeOffset OrderDate = new(2026, 12, 5, 0, 40, 12, TimeSpan.Zero);

    private static readonly long Timestamp = OrderDate.UtcTicks + TimeSpan.TicksPerMillisecond * 1_234;

    private static readonly Func<int, string> BrokerName = _ => "exchange";

    // The client SDK numbers its market-data requests; the exchange echoes the id as sent.
    private static readonly BookSubscription Subscriber = new(null!, JsonSerializer.SerializeToElement(7), Book: true, Trades: true);

    private static readonly ExecutionReport NewReport = new()
    {
        ExecId = 741400, OrderId = 1_459_028_830_990, ClOrdId = "7302190", ExecType = ExecType.New, OrderStatus = OrderStatus.New,
        ExecSide = Side.Buy, Symbol = "BTCUSD", Side = Side.Buy, OrderType = OrderType.Limit, TimeInForce = TimeInForce.GoodTillCancel,
        OrderQty = 80_000_000, Price = 62_100_000_000, LeavesQty = 80_000_000, OrdRejReason = OrderRejectReason.None, BrokerId = 5, UserId = 90_000_002,
        Timestamp = Timestamp,
    };

    private static readonly ExecutionReport FillReport = NewReport with
    {
        ExecId = 741401, ExecType = ExecType.PartiallyFilled, OrderStatus = OrderStatus.PartiallyFilled, LastShares = 50_000_000, LastPx = 62_000_000_000,
        LeavesQty = 30_000_000, CumQty = 50_000_000, AvgPx = 62_000_000_000,
    };

    // A resting order's fill: the maker's entry shrinks at the top, a new order rests at position 3.
    private static readonly BookEvent[] BookEvents =
    [
        new() { Symbol = "BTCUSD", Action = BookUpdateAction.Update, Side = Side.Sell, Position = 1, Price = 62_000_000_000, Quantity = 30_000_000, OrderId = 1_459_028_830_811, BrokerId = 5, UserId = 90_000_002, OrderTimestamp = Timestamp },
        new() { Symbol = "BTCUSD", Action = BookUpdateAction.New, Side = Side.Buy, Position = 3, Price = 61_900_000_000, Quantity = 80_000_000, OrderId = 1_459_028_830_990, BrokerId = 5, UserId = 90_800_127, OrderTimestamp = Timestamp },
    ];

    private static readonly TradeRecord[] Trades =
    [
        new(16094, "BTCUSD", 62_000_000_000, 50_000_000, Side.Buy, 1_459_028_830_990, 1_459_028_830_811, 90_800_127, 90_000_002, OrderDate),
    ];

    /// <summary>8: a new order's report.</summary>
    [Benchmark]
    public int EncodeExecutionReportNew() => ExchangeState.ExecutionReportFrame(in NewReport, OrderDate).Length;

    /// <summary>8: a partial fill's report.</summary>
    [Benchmark]
    public int EncodeExecutionReportFill() => ExchangeState.ExecutionReportFrame(in FillReport, OrderDate).Length;

    /// <summary>X: two book changes (update + new) for one subscriber.</summary>
    [Benchmark]
    public int EncodeBookUpdate() => MarketDataHub.BookUpdateFrame(Subscriber, BookEvents, BrokerName).Length;

    /// <summary>X: one trade for one subscriber.</summary>
    [Benchmark]
    public int EncodeTrade() => MarketDataHub.TradesFrame(Subscriber, Trades).Length;

    // One account's balance changes of a fill: the bought currency and the paid one.
    private static readonly BalanceChange[] Changes =
    [
        new() { BrokerId = 5, UserId = 90_000_002, Currency = "BTC", Total = 150_000_000, Locked = 0 },
        new() { BrokerId = 5, UserId = 90_000_002, Currency = "USD", Total = 9_690_000_000_000, Locked = 31_000_000_000 },
    ];

    private readonly Dictionary<(int BrokerId, int UserId), Dictionary<string, global::BlinkTrade.Client.Protocol.CurrencyBalance>> _byAccount = [];

    /// <summary>U3: the delta of one account's two changed currencies, from the record (grouping included).</summary>
    [Benchmark]
    public int EncodeBalanceDelta()
    {
        ExchangeState.GroupBalanceChanges(Changes, _byAccount);
        var length = 0;
        foreach (var ((brokerId, userId), balances) in _byAccount)
        {
            length += ExchangeState.BalanceDeltaFrame(brokerId, userId, balances).Length;
        }
        _byAccount.Clear();
        return length;
    }

    /// <summary>U3: the former hand-written delta (<c>Frames.Build</c>, grouping included), the baseline.</summary>
    [Benchmark]
    public int EncodeBalanceDeltaHandWritten()
    {
        var byAccount = new Dictionary<(int BrokerId, int UserId), Dictionary<string, (long Total, long Locked)>>();
        foreach (var change in Changes)
        {
            var key = (change.BrokerId, change.UserId);
            if (!byAccount.TryGetValue(key, out var map))
            {
                byAccount[key] = map = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
            }
            map[change.Currency] = (change.Total, change.Locked);
        }
        var length = 0;
        foreach (var ((brokerId, userId), balances) in byAccount)
        {
            length += FormerFrames.Build("U3", w =>
            {
                w.WriteNumber("ClientID", userId);
                w.WriteStartObject(brokerId.ToString(CultureInfo.InvariantCulture));
                foreach (var (currency, (total, locked)) in balances)
                {
                    w.WriteNumber(currency, total);
                    w.WriteNumber(currency + "_locked", locked);
                }
                w.WriteEndObject();
            }).Length;
        }
        return length;
    }

}
