using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BlinkTrade.Benchmarks.Protocol.Peers;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Benchmarks.Protocol;

/// <summary>
/// The client's parse of the exchange's market-data frames (and of an <c>8</c> for reference) three ways: the SDK's
/// <see cref="ProtocolSerializer"/> to the typed record, as the client's receive loop does (the baseline of each
/// category, so the table's ratios are peer / SDK), a <see cref="JsonDocumentClient"/> and a <see cref="NewtonsoftClient"/>
/// that copy the same fields into plain objects. Issue 18 keeps the SDK ≥ 2.9× <c>JsonDocument</c> and ≥ 6× Newtonsoft
/// on <c>X</c>. Run: <c>dotnet run -c Release --project benchmarks/BlinkTrade.Benchmarks -- --filter '*ParseVersusPeers*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ParseVersusPeersBenchmarks
{
    private const string Trade = "X trade (1 entry)";
    private const string Book = "X book (3 entries)";
    private const string Snapshot = "W 10x10";
    private const string Report = "8 fill";

    private static readonly byte[] TradeFrame = MarketDataFrames.Trade();
    private static readonly byte[] BookFrame = MarketDataFrames.BookChanges();
    private static readonly byte[] SnapshotFrame = MarketDataFrames.Snapshot10x10();

    /// <summary>The <c>8</c> of a partial fill (19 fields), also parsed by <see cref="ParseRatioCommand"/>.</summary>
    internal static readonly byte[] ReportFrame =
        """{"MsgType":"8","OrderID":1459028830990,"ClOrdID":"7302190","ExecID":741402,"ExecType":"1","OrdStatus":"1","ExecSide":"1","Symbol":"BTCUSD","Side":"1","OrdType":"2","TimeInForce":"1","OrderQty":80000000,"Price":62100000000,"LastShares":50000000,"LastPx":62000000000,"LeavesQty":30000000,"CumQty":50000000,"CxlQty":0,"AvgPx":62000000000}"""u8.ToArray();

    /// <summary>Checks the three parsers read the same values from every frame, so the comparison is of equal work.</summary>
    [GlobalSetup]
    public void Setup()
    {
        foreach (var frame in new[] { TradeFrame, BookFrame, SnapshotFrame })
        {
            var expected = Describe(ProtocolSerializer.Deserialize(frame));
            Agree(expected, Describe(JsonDocumentClient.ParseMarketData(frame)), "JsonDocument");
            Agree(expected, Describe(NewtonsoftClient.ParseMarketData(frame)), "Newtonsoft");
        }
        var report = (ExecutionReport)ProtocolSerializer.Deserialize(ReportFrame);
        var plain = NewtonsoftClient.ParseExecutionReport(ReportFrame);
        if (report.LastPx.Satoshis != plain.LastPx || report.ClOrdID != plain.ClOrdId
            || JsonDocumentClient.ParseExecutionReport(ReportFrame).AvgPx != report.AvgPx.Satoshis)
        {
            throw new InvalidOperationException("The execution report parsers disagree.");
        }
    }

    /// <summary>X, one trade: the SDK.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Trade)]
    public BlinkTradeMessage TradeSdk() => ProtocolSerializer.Deserialize(TradeFrame);

    /// <summary>X, one trade: JsonDocument.</summary>
    [Benchmark, BenchmarkCategory(Trade)]
    public PlainMarketDataMessage TradeJsonDocument() => JsonDocumentClient.ParseMarketData(TradeFrame);

    /// <summary>X, one trade: Newtonsoft JObject.</summary>
    [Benchmark, BenchmarkCategory(Trade)]
    public PlainMarketDataMessage TradeNewtonsoft() => NewtonsoftClient.ParseMarketData(TradeFrame);

    /// <summary>X, three book changes: the SDK.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Book)]
    public BlinkTradeMessage BookSdk() => ProtocolSerializer.Deserialize(BookFrame);

    /// <summary>X, three book changes: JsonDocument.</summary>
    [Benchmark, BenchmarkCategory(Book)]
    public PlainMarketDataMessage BookJsonDocument() => JsonDocumentClient.ParseMarketData(BookFrame);

    /// <summary>X, three book changes: Newtonsoft JObject.</summary>
    [Benchmark, BenchmarkCategory(Book)]
    public PlainMarketDataMessage BookNewtonsoft() => NewtonsoftClient.ParseMarketData(BookFrame);

    /// <summary>X, three book changes: only tokenizing the frame, the floor any parser pays.</summary>
    [Benchmark, BenchmarkCategory(Book)]
    public int BookReaderOnlyFloor()
    {
        var reader = new Utf8JsonReader(BookFrame);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }
        return tokens;
    }

    /// <summary>W, 10×10 book: the SDK.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Snapshot)]
    public BlinkTradeMessage SnapshotSdk() => ProtocolSerializer.Deserialize(SnapshotFrame);

    /// <summary>W, 10×10 book: JsonDocument.</summary>
    [Benchmark, BenchmarkCategory(Snapshot)]
    public PlainMarketDataMessage SnapshotJsonDocument() => JsonDocumentClient.ParseMarketData(SnapshotFrame);

    /// <summary>W, 10×10 book: Newtonsoft JObject.</summary>
    [Benchmark, BenchmarkCategory(Snapshot)]
    public PlainMarketDataMessage SnapshotNewtonsoft() => NewtonsoftClient.ParseMarketData(SnapshotFrame);

    /// <summary>8, a partial fill: the SDK.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Report)]
    public BlinkTradeMessage ReportSdk() => ProtocolSerializer.Deserialize(ReportFrame);

    /// <summary>8, a partial fill: JsonDocument.</summary>
    [Benchmark, BenchmarkCategory(Report)]
    public PlainExecutionReport ReportJsonDocument() => JsonDocumentClient.ParseExecutionReport(ReportFrame);

    /// <summary>8, a partial fill: Newtonsoft JObject.</summary>
    [Benchmark, BenchmarkCategory(Report)]
    public PlainExecutionReport ReportNewtonsoft() => NewtonsoftClient.ParseExecutionReport(ReportFrame);

    private static string Describe(BlinkTradeMessage message) => message switch
    {
        MarketDataIncrementalRefresh x => Describe(x.MsgType, x.MDReqID, Describe(x.MDIncGrp!)),
        MarketDataFullRefresh w => Describe(w.MsgType, w.MDReqID, Describe(w.MDFullGrp!)),
        _ => throw new InvalidOperationException($"Not market data: {message.MsgType}."),
    };

    private static IEnumerable<string> Describe(IReadOnlyList<MarketDataEntry> entries) => entries.Select(e => Describe(
        e.MDUpdateAction?.Value, e.MDEntryType.Value, e.Symbol, e.MDEntryPositionNo, e.MDEntryID, e.MDEntryPx?.Satoshis, e.MDEntrySize?.Satoshis,
        e.MDEntryDate, e.MDEntryTime, e.OrderID, e.UserID, e.Broker, e.TradeID, e.Side?.Value, e.SecondaryOrderID, e.MDEntryBuyerID, e.MDEntrySellerID));

    private static string Describe(PlainMarketDataMessage m) => Describe(m.MsgType, m.RequestId, m.Entries!.Select(e => Describe(
        e.UpdateAction, e.EntryType, e.Symbol, e.PositionNo, e.EntryId, e.Price, e.Size, e.Date, e.Time, e.OrderId, e.UserId, e.Broker, e.TradeId, e.Side,
        e.SecondaryOrderId, e.BuyerId, e.SellerId)));

    private static string Describe(string msgType, long requestId, IEnumerable<string> entries) => $"{msgType} {requestId} [{string.Join("; ", entries)}]";

    private static string Describe(params object?[] fields) => string.Join(",", fields);

    private static void Agree(string expected, string actual, string peer)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"The {peer} client read other values:\n{actual}\nthe SDK:\n{expected}");
        }
    }
}
