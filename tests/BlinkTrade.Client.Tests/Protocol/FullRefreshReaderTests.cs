using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// The <c>W</c> snapshot's direct reader (<see cref="MarketDataFullRefreshReader"/>) and the market-data frames'
/// MsgType-first fast path of <see cref="ProtocolSerializer"/>: the same records, tolerance and errors as the
/// source-generated deserializer, whatever the property order.
/// </summary>
public sealed class FullRefreshReaderTests
{
    private const string FullSnapshot =
        """{"MsgType":"W","MDReqID":3140401,"Symbol":"BTCUSD","MarketDepth":10,"MDFullGrp":[{"MDEntryType":"0","MDEntryPositionNo":1,"MDEntryID":1459028463557,"MDEntryPx":62181000000,"MDEntrySize":113810,"MDEntryDate":"2016-07-13","MDEntryTime":"02:21:06","OrderID":1459028463557,"UserID":90000002,"Broker":"exchange"},{"MDEntryType":"2","MDEntryPx":62000000000,"MDEntrySize":50000000,"MDEntryDate":"2016-09-07","MDEntryTime":"04:40:12","OrderID":1459028830990,"TradeID":16094,"Side":"1","SecondaryOrderID":1459028830811,"MDEntryBuyerID":90800127,"MDEntrySellerID":90000002},{"MDEntryType":"4","BTC":90000000,"USD":55825000000}],"Extra":[1,{"a":null}]}""";

    private static MarketDataFullRefresh Parse(string json) => ProtocolSerializer.Deserialize<MarketDataFullRefresh>(Encoding.UTF8.GetBytes(json));

    // The source-generated deserializer, which the direct reader replaces for well-formed frames.
    private static MarketDataFullRefresh Generated(string json) => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.MarketDataFullRefresh)!;

    private static ProtocolException Fails(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.False(ProtocolSerializer.TryDeserialize(bytes, out _, out var error));
        return error!;
    }

    [Fact]
    public void Snapshot_reads_what_the_generated_deserializer_reads()
    {
        var w = Parse(FullSnapshot);
        var expected = Generated(FullSnapshot);
        Assert.Equal(3140401, w.MDReqID);
        Assert.Equal("BTCUSD", w.Symbol);
        Assert.Equal(10, w.MarketDepth);
        Assert.Equal(3, w.MDFullGrp!.Count);
        Assert.Equal(expected.MDFullGrp!.Select(e => e with { ExtensionData = null }), w.MDFullGrp.Select(e => e with { ExtensionData = null }));
        Assert.Equal(0.9m, w.MDFullGrp[2].VolumeOf("BTC")!.Value.ToDecimal());
        Assert.Equal(JsonValueKind.Array, w.ExtensionData!["Extra"].ValueKind);
        Assert.Equal(ProtocolSerializer.SerializeToString(expected), ProtocolSerializer.SerializeToString(w));
        Assert.Equal(FullSnapshot, ProtocolSerializer.SerializeToString(w));
    }

    [Theory]
    [InlineData("""{"MDFullGrp":[{"MDEntryType":"1","MDEntryPositionNo":"2"}],"MarketDepth":"5","Symbol":"BTCUSD","MDReqID":"7","MsgType":"W"}""")]
    [InlineData("""{"MsgType":"W","MDReqID":7,"Symbol":null,"MarketDepth":null,"MDFullGrp":null}""")]
    [InlineData("""{"MsgType":"W","MDReqID":7,"Symbol":"BTC\u0055SD","MDFullGrp":[]}""")]
    [InlineData("""{"MsgType":"W","MDReqID":7,"Symbol":12,"MDFullGrp":[{}],"MarketDepth":1.0}""")]
    [InlineData(""" {"MsgType":"W","MDReqID":7} """)]
    public void Any_order_nulls_and_tolerant_values_read_as_the_generated_deserializer_reads_them(string json)
    {
        var w = Parse(json);
        var expected = Generated(json);
        Assert.Equal(expected.MDReqID, w.MDReqID);
        Assert.Equal(expected.Symbol, w.Symbol);
        Assert.Equal(expected.MarketDepth, w.MarketDepth);
        Assert.Equal(expected.MDFullGrp, w.MDFullGrp);
        Assert.Equal(ProtocolSerializer.SerializeToString(expected), ProtocolSerializer.SerializeToString(w));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(41)]
    public void Snapshot_keeps_every_entry_in_order(int count)
    {
        var json = """{"MsgType":"W","MDReqID":1,"MDFullGrp":[""" + string.Join(",", Enumerable.Range(1, count).Select(i => "{\"MDEntryType\":\"1\",\"MDEntryPositionNo\":" + i + "}")) + "]}";
        var entries = Parse(json).MDFullGrp!;
        Assert.Equal(Enumerable.Range(1, count), entries.Select(e => e.MDEntryPositionNo!.Value));
        Assert.Equal(json, ProtocolSerializer.SerializeToString(Parse(json)));
    }

    [Theory]
    [InlineData("""{"MsgType":"W","MDReqID":null,"MDFullGrp":[]}""")]
    [InlineData("""{"MsgType":"W","MDReqID":1,"MarketDepth":"deep"}""")]
    [InlineData("""{"MsgType":"W","MDReqID":1,"Symbol":{}}""")]
    [InlineData("""{"MsgType":"W","MDReqID":1,"MDFullGrp":{}}""")]
    [InlineData("""{"MsgType":"W","MDReqID":1,"MDFullGrp":[{"MDEntryType":"0"},{"MDEntryPx":"abc"}]}""")]
    [InlineData("""{"MDReqID":1,"MsgType":"W","MDFullGrp":[null]}""")]
    public void Wrong_types_keep_the_serializer_path_and_its_errors(string json)
    {
        var error = Fails(json);
        Assert.Equal(ProtocolErrorKind.InvalidField, error.Kind);
        Assert.StartsWith("Invalid MarketDataFullRefresh (MsgType 'W')", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("""{"MsgType":"W","MDReqID":1,"MDFullGrp":[]} x""")]
    [InlineData("""{"MsgType":"W","MDReqID":1,"MDFullGrp":[]}{}""")]
    [InlineData("""{"MsgType":"W","MDReqID":1,"MDFullGrp":[],}""")]
    [InlineData("""{"MsgType":"W","MDReqID":1,/*c*/"MDFullGrp":[]}""")]
    [InlineData("""{"MsgType":"W","MDReqID":1,"MDFullGrp":[{"MDEntryType":"0"}""")]
    [InlineData("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[]""")]
    public void Malformed_frames_stay_malformed(string json)
        => Assert.Equal(ProtocolErrorKind.MalformedJson, Fails(json).Kind);

    [Theory]
    [InlineData("""{"MsgType":"X","MsgType":"W","MDReqID":1}""", typeof(MarketDataIncrementalRefresh))]
    [InlineData("""{"MsgType":"W","MsgType":"X","MDReqID":1}""", typeof(MarketDataFullRefresh))]
    [InlineData("""{"MsgType":"WX","MDReqID":1}""", typeof(UnknownMessage))]
    [InlineData("""{"MsgType":"X\u0059","MDReqID":1}""", typeof(UnknownMessage))]
    [InlineData("""{"MsgType":"\u0058","MDReqID":1,"MDIncGrp":[{}]}""", typeof(MarketDataIncrementalRefresh))]
    public void The_fast_path_picks_the_type_the_MsgType_pass_picks(string json, Type type)
        => Assert.IsType(type, ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_10x10_snapshot_parse_allocates_only_the_records_and_one_exact_size_array()
    {
        var json = """{"MsgType":"W","MDReqID":3140401,"Symbol":"BTCUSD","MarketDepth":10,"MDFullGrp":[""" + string.Join(",", Enumerable.Range(1, 20).Select(i =>
            $$"""{"MDEntryType":"{{i / 11}}","MDEntryPositionNo":{{(i - 1) % 10 + 1}},"MDEntryID":14590288300{{i:00}},"MDEntryPx":{{62000000000 + i * 10000000}},"MDEntrySize":{{1000000 * i}},"MDEntryDate":"2026-12-05","MDEntryTime":"00:40:13","OrderID":14590288300{{i:00}},"UserID":{{90000000 + i}},"Broker":"exchange"}""")) + "]}";
        var frame = Encoding.UTF8.GetBytes(json);
        var empty = AllocatedPerParse("""{"MsgType":"W","MDReqID":3140401,"Symbol":"BTCUSD","MarketDepth":10,"MDFullGrp":[]}""");
        var one = AllocatedPerParse("""{"MsgType":"W","MDReqID":3140401,"Symbol":"BTCUSD","MarketDepth":10,"MDFullGrp":[{"MDEntryType":"0","MDEntryPositionNo":1,"MDEntryID":1,"MDEntryPx":1,"MDEntrySize":1,"MDEntryDate":"2026-12-05","MDEntryTime":"00:40:13","OrderID":1,"UserID":1,"Broker":"exchange"}]}""");
        // An empty group is the shared empty array; a group of n is one array (24 B of header and length) of n slots,
        // each with its record. The serializer's growing list cost about 1 KB more for 20 entries.
        const int ArrayHeader = 24;
        var entryWithSlot = one - empty - ArrayHeader;
        var perParse = AllocatedPerParse(json);
        // A few bytes of slack: another test may evict a cached symbol (one string per eviction, averaged over the parses).
        var bound = empty + ArrayHeader + 20 * entryWithSlot;
        Assert.True(perParse <= bound + 16, $"{perParse} B per parse, expected {bound} B");
    }

    private static long AllocatedPerParse(string json)
    {
        var frame = Encoding.UTF8.GetBytes(json);
        for (var i = 0; i < 100; i++)
        {
            ProtocolSerializer.Deserialize(frame);
        }
        const int Count = 500;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Count; i++)
        {
            ProtocolSerializer.Deserialize(frame);
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before) / Count;
    }
}
