using BenchmarkDotNet.Attributes;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Benchmarks;

/// <summary>
/// Applying parsed <c>X</c> entries to a local order-book replica (PROTOCOL.md §3.8). Target: ≤ 100 ns and 0 B per
/// entry. Each benchmark applies a balanced pair (so the book's depth stays constant) and reports the cost per entry
/// (<c>OperationsPerInvoke = 2</c>). The book holds <see cref="Depth"/> orders per side.
/// Run: <c>dotnet run -c Release --project benchmarks/BlinkTrade.Benchmarks -- --filter '*OrderBookApply*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class OrderBookApplyBenchmarks
{
    private LocalOrderBook _book = null!;
    private MarketDataEntry _newTop = null!;
    private MarketDataEntry _deleteTop = null!;
    private MarketDataEntry _newMid = null!;
    private MarketDataEntry _deleteMid = null!;
    private MarketDataEntry _changeTop = null!;
    private MarketDataEntry _changeTopBack = null!;

    /// <summary>Orders per side.</summary>
    [Params(50, 500)]
    public int Depth { get; set; }

    /// <summary>Builds the book and the entries.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _book = new LocalOrderBook("BTCUSD");
        var snapshot = new List<MarketDataEntry>();
        for (var i = 0; i < Depth; i++)
        {
            snapshot.Add(Entry(null, MarketDataEntryType.Bid, i + 1, 62_000_00000000L - i * 1_00000000L, 1000 + i));
            snapshot.Add(Entry(null, MarketDataEntryType.Offer, i + 1, 62_100_00000000L + i * 1_00000000L, 5000 + i));
        }
        _book.TryReset(snapshot);
        _newTop = Entry(MarketDataUpdateAction.New, MarketDataEntryType.Bid, 1, 62_050_00000000L, 9001);
        _deleteTop = Entry(MarketDataUpdateAction.Delete, MarketDataEntryType.Bid, 1, null, null);
        _newMid = Entry(MarketDataUpdateAction.New, MarketDataEntryType.Offer, Depth / 2, 62_150_00000000L, 9002);
        _deleteMid = Entry(MarketDataUpdateAction.Delete, MarketDataEntryType.Offer, Depth / 2, null, null);
        _changeTop = Entry(MarketDataUpdateAction.Change, MarketDataEntryType.Offer, 1, 62_100_00000000L, 5000, size: 70000000);
        _changeTopBack = Entry(MarketDataUpdateAction.Change, MarketDataEntryType.Offer, 1, 62_100_00000000L, 5000, size: 50000000);
    }

    /// <summary>A new best bid, then its cancel (insert/delete at position 1: shifts the whole side).</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public bool NewThenDeleteAtTop() => _book.TryApply(_newTop) & _book.TryApply(_deleteTop);

    /// <summary>Insert/delete in the middle of the asks.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public bool NewThenDeleteMidBook() => _book.TryApply(_newMid) & _book.TryApply(_deleteMid);

    /// <summary>A partial fill of the best ask (change at position 1), twice.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    public bool ChangeTop() => _book.TryApply(_changeTop) & _book.TryApply(_changeTopBack);

    private static MarketDataEntry Entry(MarketDataUpdateAction? action, MarketDataEntryType type, int position, long? price, long? orderId, long size = 50000000)
        => new()
        {
            MDUpdateAction = action,
            MDEntryType = type,
            MDEntryPositionNo = position,
            MDEntryPx = price is { } p ? new Price(p) : null,
            MDEntrySize = price is null ? null : new Quantity(size),
            OrderID = orderId,
            MDEntryID = orderId,
            UserID = 90000002,
            Broker = "exchange",
            Symbol = "BTCUSD",
        };
}
