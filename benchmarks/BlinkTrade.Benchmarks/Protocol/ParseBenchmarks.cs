using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Benchmarks;

/// <summary>
/// Frame parsing through <see cref="ProtocolSerializer.Deserialize(ReadOnlySpan{byte})"/> (MsgType dispatch + typed
/// record) and serialization of an execution report. Targets: ≥ 3M small frames/s per core, ≤ 200 B allocated per frame.
/// Run: <c>dotnet run -c Release --project benchmarks/BlinkTrade.Benchmarks -- --filter '*Parse*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private static readonly byte[] HeartbeatFrame = """{"MsgType":"0","TestReqID":"123","SendTime":1469031953,"ServerTimestamp":1469032804}"""u8.ToArray();

    private static readonly byte[] ExecutionReportFrame =
        """{"MsgType":"8","OrderID":1459028830990,"ClOrdID":"7302190","ExecID":741402,"ExecType":"1","OrdStatus":"1","ExecSide":"1","Symbol":"BTCUSD","Side":"1","OrdType":"2","TimeInForce":"1","OrderQty":80000000,"Price":62100000000,"LastShares":50000000,"LastPx":62000000000,"LeavesQty":30000000,"CumQty":50000000,"CxlQty":0,"AvgPx":62000000000}"""u8.ToArray();

    // A fill's 8 as the reference exchange writes it (its own encoder: OrderDate, Volume, and TransactTime, a field the
    // record keeps as extension data), the form a client of the exchange parses.
    private static readonly byte[] ExchangeExecutionReportFrame = Protocol.ExecutionReportFrames.PartialFill();

    private static readonly byte[] IncrementalRefreshFrame = BuildIncrementalRefresh();

    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private ExecutionReport _report = null!;

    /// <summary>Parses the report once for the serialize benchmark.</summary>
    [GlobalSetup]
    public void Setup() => _report = (ExecutionReport)ProtocolSerializer.Deserialize(ExecutionReportFrame);

    /// <summary>A heartbeat (the smallest frame).</summary>
    [Benchmark]
    public BlinkTradeMessage ParseHeartbeat() => ProtocolSerializer.Deserialize(HeartbeatFrame);

    /// <summary>A partial-fill execution report (19 fields).</summary>
    [Benchmark]
    public BlinkTradeMessage ParseExecutionReport() => ProtocolSerializer.Deserialize(ExecutionReportFrame);

    /// <summary>A fill's execution report as the reference exchange sends it (with TransactTime).</summary>
    [Benchmark]
    public BlinkTradeMessage ParseExchangeExecutionReport() => ProtocolSerializer.Deserialize(ExchangeExecutionReportFrame);

    /// <summary>An incremental refresh with 10 entries (book changes and trades).</summary>
    [Benchmark]
    public BlinkTradeMessage ParseIncrementalRefresh10() => ProtocolSerializer.Deserialize(IncrementalRefreshFrame);

    /// <summary>Baseline: only tokenizes the execution report (the floor any parser pays).</summary>
    [Benchmark]
    public int ParseExecutionReportReaderOnlyBaseline()
    {
        var reader = new Utf8JsonReader(ExecutionReportFrame);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }
        return tokens;
    }

    /// <summary>Writes an execution report to a reused buffer.</summary>
    [Benchmark]
    public int SerializeExecutionReport()
    {
        _output.ResetWrittenCount();
        ProtocolSerializer.Serialize(_output, _report);
        return _output.WrittenCount;
    }

    private static byte[] BuildIncrementalRefresh()
    {
        var entries = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            entries.Add((i % 3) switch
            {
                0 => $$"""{"MDUpdateAction":"0","MDEntryType":"{{i % 2}}","Symbol":"BTCUSD","MDEntryPositionNo":{{i + 1}},"MDEntryID":14590288309{{i:00}},"MDEntryPx":{{62000000000 + i * 1000000}},"MDEntrySize":{{1000000 * (i + 1)}},"MDEntryDate":"2016-09-07","MDEntryTime":"04:31:15","OrderID":14590288309{{i:00}},"UserID":90000002,"Broker":"exchange"}""",
                1 => $$"""{"MDUpdateAction":"2","Symbol":"BTCUSD","MDEntryType":"1","MDEntryPositionNo":{{i}}}""",
                _ => $$"""{"MDUpdateAction":"0","MDEntryType":"2","Symbol":"BTCUSD","MDEntryPx":62000000000,"MDEntrySize":50000000,"MDEntryDate":"2016-09-07","MDEntryTime":"04:40:12","OrderID":1459028830990,"Side":"1","SecondaryOrderID":1459028830811,"TradeID":{{16094 + i}},"MDEntryBuyerID":90800127,"MDEntrySellerID":90000002}""",
            });
        }
        return Encoding.UTF8.GetBytes($$"""{"MsgType":"X","MDReqID":3140401,"MDBkTyp":"3","MDIncGrp":[{{string.Join(",", entries)}}]}""");
    }
}
