using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>The hand-written <see cref="ExecutionReportJsonConverter"/> and <see cref="MarketDataEntryJsonConverter"/>:
/// same tolerance and same output as the source-generated path they replace (golden strings were produced by it).</summary>
public sealed class HandWrittenConverterTests
{
    private const string FullReport =
        """{"MsgType":"8","OrderID":1459028830990,"ClOrdID":"73\u00e90","ExecID":741402,"ExecType":"8","OrdStatus":"8","ExecSide":"2","Symbol":"BTCUSD","Side":"1","OrdType":"4","TimeInForce":"3","OrderQty":80000000,"Price":62100000000,"StopPx":62000000000,"LastShares":50000000,"LastPx":62000000000,"LeavesQty":30000000,"CumQty":50000000,"CxlQty":0,"AvgPx":62000000000,"OrdRejReason":"3","Text":"Insufficient <funds>","ExecInst":"6","OrderDate":"2016-09-07 04:40:12","Volume":31000000000,"Zed":[1,{"a":null}],"Alpha":"x"}""";

    // Output of the source-generated serializer for FullReport before the converter existed.
    private const string FullReportGolden =
        """{"MsgType":"8","OrderID":1459028830990,"ClOrdID":"73\u00E90","ExecID":741402,"ExecType":"8","OrdStatus":"8","ExecSide":"2","Symbol":"BTCUSD","Side":"1","OrdType":"4","TimeInForce":"3","OrderQty":80000000,"Price":62100000000,"StopPx":62000000000,"LastShares":50000000,"LastPx":62000000000,"LeavesQty":30000000,"CumQty":50000000,"CxlQty":0,"AvgPx":62000000000,"OrdRejReason":"3","Text":"Insufficient \u003Cfunds\u003E","ExecInst":"6","OrderDate":"2016-09-07 04:40:12","Volume":31000000000,"Zed":[1,{"a":null}],"Alpha":"x"}""";

    private const string EmptyReportGolden =
        """{"MsgType":"8","OrderID":0,"ExecID":0,"ExecType":"","OrdStatus":"","ExecSide":"","Side":"","OrdType":"","OrderQty":0,"Price":0,"LastShares":0,"LastPx":0,"LeavesQty":0,"CumQty":0,"CxlQty":0,"AvgPx":0}""";

    private const string FullEntries =
        """{"MsgType":"X","MDReqID":1,"MDBkTyp":"3","MDIncGrp":[{"MDUpdateAction":"0","MDEntryType":"2","Symbol":"BTCUSD","MDEntryPositionNo":3,"MDEntryID":5,"MDEntryPx":62000000000,"MDEntrySize":50000000,"MDEntryDate":"2016-09-07","MDEntryTime":"04:40:12","OrderID":1459028830990,"UserID":9,"Broker":"exchange","Username":"bob","TradeID":16094,"Side":"1","SecondaryOrderID":1459028830811,"MDEntryBuyerID":90800127,"MDEntrySellerID":90000002,"MDEntryBuyer":"b","MDEntrySeller":"s","Extra":true},{"MDEntryType":"4","BTC":90000000,"USD":55825000000},{}]}""";

    private const string FullEntriesGolden =
        """{"MsgType":"X","MDReqID":1,"MDBkTyp":"3","MDIncGrp":[{"MDUpdateAction":"0","MDEntryType":"2","Symbol":"BTCUSD","MDEntryPositionNo":3,"MDEntryID":5,"MDEntryPx":62000000000,"MDEntrySize":50000000,"MDEntryDate":"2016-09-07","MDEntryTime":"04:40:12","OrderID":1459028830990,"UserID":9,"Broker":"exchange","Username":"bob","TradeID":16094,"Side":"1","SecondaryOrderID":1459028830811,"MDEntryBuyerID":90800127,"MDEntrySellerID":90000002,"MDEntryBuyer":"b","MDEntrySeller":"s","Extra":true},{"MDEntryType":"4","BTC":90000000,"USD":55825000000},{"MDEntryType":""}]}""";

    private static T Parse<T>(string json) where T : BlinkTradeMessage => ProtocolSerializer.Deserialize<T>(Encoding.UTF8.GetBytes(json));

    private static ProtocolException Fails(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.False(ProtocolSerializer.TryDeserialize(bytes, out _, out var error));
        Assert.Equal(bytes, error!.RawFrame.ToArray());
        return error;
    }

    [Fact]
    public void Report_reads_every_field()
    {
        var r = Parse<ExecutionReport>(FullReport);
        Assert.Equal(1459028830990, r.OrderID);
        Assert.Equal("73é0", r.ClOrdID);
        Assert.Equal(741402, r.ExecID);
        Assert.Equal(ExecType.Rejected, r.ExecType);
        Assert.Equal(OrdStatus.Rejected, r.OrdStatus);
        Assert.Equal(Side.Sell, r.ExecSide);
        Assert.Equal("BTCUSD", r.Symbol);
        Assert.Equal(Side.Buy, r.Side);
        Assert.Equal(OrdType.StopLimit, r.OrdType);
        Assert.Equal(TimeInForce.ImmediateOrCancel, r.TimeInForce);
        Assert.Equal(0.8m, r.OrderQty.ToDecimal());
        Assert.Equal(621m, r.Price.ToDecimal());
        Assert.Equal(620m, r.StopPx!.Value.ToDecimal());
        Assert.Equal(0.5m, r.LastShares.ToDecimal());
        Assert.Equal(620m, r.LastPx.ToDecimal());
        Assert.Equal(0.3m, r.LeavesQty.ToDecimal());
        Assert.Equal(0.5m, r.CumQty.ToDecimal());
        Assert.Equal(Quantity.Zero, r.CxlQty);
        Assert.Equal(620m, r.AvgPx.ToDecimal());
        Assert.Equal(OrdRejReason.OrderExceedsLimit, r.OrdRejReason);
        Assert.Equal("Insufficient <funds>", r.Text);
        Assert.Equal(ExecInst.PostOnly, r.ExecInst);
        Assert.Equal(new DateTime(2016, 9, 7, 4, 40, 12, DateTimeKind.Utc), r.OrderDate);
        Assert.Equal(DateTimeKind.Utc, r.OrderDate!.Value.Kind);
        Assert.Equal(310m, r.Volume!.Value.ToDecimal());
        Assert.Equal(2, r.ExtensionData!.Count);
        Assert.Equal("x", r.ExtensionData["Alpha"].GetString());
        Assert.Equal(JsonValueKind.Array, r.ExtensionData["Zed"].ValueKind);
    }

    [Fact]
    public void Report_writes_exactly_what_the_generated_serializer_wrote()
    {
        Assert.Equal(FullReportGolden, ProtocolSerializer.SerializeToString(Parse<ExecutionReport>(FullReport)));
        Assert.Equal(EmptyReportGolden, ProtocolSerializer.SerializeToString(Parse<ExecutionReport>("""{"MsgType":"8"}""")));
        Assert.Equal(EmptyReportGolden, ProtocolSerializer.SerializeToString(new ExecutionReport()));
    }

    [Fact]
    public void Report_missing_fields_take_defaults_and_optional_nulls_stay_null()
    {
        var r = Parse<ExecutionReport>("""{"MsgType":"8","ClOrdID":null,"Symbol":null,"Text":null,"TimeInForce":null,"StopPx":null,"OrdRejReason":null,"ExecInst":null,"OrderDate":null,"Volume":null}""");
        Assert.Null(r.ClOrdID);
        Assert.Null(r.Symbol);
        Assert.Null(r.TimeInForce);
        Assert.Null(r.StopPx);
        Assert.Null(r.OrdRejReason);
        Assert.Null(r.ExecInst);
        Assert.Null(r.OrderDate);
        Assert.Null(r.Volume);
        Assert.Null(r.ExtensionData);
        Assert.Equal(0, r.OrderID);
        Assert.False(r.ExecType.IsKnown);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Report_property_order_does_not_matter(int seed)
    {
        var node = JsonNode.Parse(FullReport)!.AsObject();
        var properties = node.Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
        var shuffled = seed == 0 ? Enumerable.Reverse(properties).ToList() : properties.OrderBy(_ => new Random(seed).Next()).ToList();
        var reordered = new JsonObject();
        foreach (var (key, value) in shuffled)
        {
            reordered[key] = value;
        }
        var reparsed = Parse<ExecutionReport>(reordered.ToJsonString());
        var json = ProtocolSerializer.SerializeToString(reparsed);
        // Known fields are written in declaration order; extension data keeps wire order.
        var expected = JsonNode.Parse(FullReportGolden)!.AsObject();
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(json)), json);
    }

    [Fact]
    public void Report_is_tolerant_like_the_global_converters()
    {
        var r = Parse<ExecutionReport>("""{"MsgType":"8","OrderID":"1459028830990","ClOrdID":7302190,"ExecID":741402.0,"ExecType":1,"OrdStatus":"Z","Side":"\u0031","OrderQty":"80000000","Price":6.21e10,"OrderDate":"2016-09-07T04:40:12Z","Volume":66563000000.0}""");
        Assert.Equal(1459028830990, r.OrderID);
        Assert.Equal("7302190", r.ClOrdID);
        Assert.Equal(741402, r.ExecID);
        Assert.Equal(ExecType.PartiallyFilled, r.ExecType);
        Assert.False(r.OrdStatus.IsKnown);
        Assert.Equal("Z", r.OrdStatus.Value);
        Assert.Equal(Side.Buy, r.Side);
        Assert.Equal(80000000, r.OrderQty.Satoshis);
        Assert.Equal(62100000000, r.Price.Satoshis);
        Assert.Equal(66563000000, r.Volume!.Value.Satoshis);
        Assert.Equal(new DateTime(2016, 9, 7, 4, 40, 12, DateTimeKind.Utc), r.OrderDate);
    }

    [Fact]
    public void Report_escaped_long_and_duplicate_property_names()
    {
        var longName = new string('L', 80);
        var r = Parse<ExecutionReport>($$"""{"MsgType":"8","\u004FrderID":5,"{{longName}}":1,"OrderID":6,"X\u00e9":2,"Zed":1,"Zed":2}""");
        Assert.Equal(6, r.OrderID); // escaped name is the same property; the last value wins
        Assert.Equal(1, r.ExtensionData![longName].GetInt32());
        Assert.Equal(2, r.ExtensionData["Xé"].GetInt32());
        Assert.Equal(2, r.ExtensionData["Zed"].GetInt32());
    }

    [Theory]
    [InlineData("""{"MsgType":"8","OrderID":null}""")]
    [InlineData("""{"MsgType":"8","OrderID":"abc"}""")]
    [InlineData("""{"MsgType":"8","OrderID":1.5}""")]
    [InlineData("""{"MsgType":"8","OrderID":99999999999999999999}""")]
    [InlineData("""{"MsgType":"8","OrderID":true}""")]
    [InlineData("""{"MsgType":"8","OrderID":[1]}""")]
    [InlineData("""{"MsgType":"8","ExecID":{}}""")]
    [InlineData("""{"MsgType":"8","ExecType":null}""")]
    [InlineData("""{"MsgType":"8","ExecType":{}}""")]
    [InlineData("""{"MsgType":"8","Side":true}""")]
    [InlineData("""{"MsgType":"8","TimeInForce":[]}""")]
    [InlineData("""{"MsgType":"8","OrderQty":null}""")]
    [InlineData("""{"MsgType":"8","Price":"1e3x"}""")]
    [InlineData("""{"MsgType":"8","StopPx":{}}""")]
    [InlineData("""{"MsgType":"8","CumQty":1e400}""")]
    [InlineData("""{"MsgType":"8","ClOrdID":{}}""")]
    [InlineData("""{"MsgType":"8","Symbol":[]}""")]
    [InlineData("""{"MsgType":"8","Text":{"a":1}}""")]
    [InlineData("""{"MsgType":"8","OrderDate":"yesterday"}""")]
    [InlineData("""{"MsgType":"8","OrderDate":true}""")]
    [InlineData("""{"MsgType":"8","Volume":"x"}""")]
    public void Report_wrong_types_are_invalid_fields(string json)
    {
        var error = Fails(json);
        Assert.Equal(ProtocolErrorKind.InvalidField, error.Kind);
        Assert.Equal("8", error.MsgType);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("1")]
    [InlineData("\"8\"")]
    [InlineData("null")]
    public void Converters_reject_non_objects_with_JsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.ExecutionReport));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.MarketDataEntry));
    }

    [Fact]
    public void Entries_read_every_field_and_write_like_the_generated_serializer()
    {
        var x = Parse<MarketDataIncrementalRefresh>(FullEntries);
        var e = x.MDIncGrp![0];
        Assert.Equal(MarketDataUpdateAction.New, e.MDUpdateAction);
        Assert.Equal(MarketDataEntryType.Trade, e.MDEntryType);
        Assert.Equal("BTCUSD", e.Symbol);
        Assert.Equal(3, e.MDEntryPositionNo);
        Assert.Equal(5, e.MDEntryID);
        Assert.Equal(620m, e.MDEntryPx!.Value.ToDecimal());
        Assert.Equal(0.5m, e.MDEntrySize!.Value.ToDecimal());
        Assert.Equal(new DateOnly(2016, 9, 7), e.MDEntryDate);
        Assert.Equal(new TimeOnly(4, 40, 12), e.MDEntryTime);
        Assert.Equal(1459028830990, e.OrderID);
        Assert.Equal(9, e.UserID);
        Assert.Equal("exchange", e.Broker);
        Assert.Equal("bob", e.Username);
        Assert.Equal(16094, e.TradeID);
        Assert.Equal(Side.Buy, e.Side);
        Assert.Equal(1459028830811, e.SecondaryOrderID);
        Assert.Equal(90800127, e.MDEntryBuyerID);
        Assert.Equal(90000002, e.MDEntrySellerID);
        Assert.Equal("b", e.MDEntryBuyer);
        Assert.Equal("s", e.MDEntrySeller);
        Assert.True(e.ExtensionData!["Extra"].GetBoolean());

        var volume = x.MDIncGrp[1];
        Assert.Equal(MarketDataEntryType.TradingSessionStatistics, volume.MDEntryType);
        Assert.Equal(0.9m, volume.VolumeOf("BTC")!.Value.ToDecimal());
        Assert.Equal(558.25m, volume.VolumeOf("USD")!.Value.ToDecimal());
        Assert.Null(volume.VolumeOf("EUR"));

        var empty = x.MDIncGrp[2];
        Assert.Null(empty.MDUpdateAction);
        Assert.Null(empty.Symbol);
        Assert.Null(empty.MDEntryPx);
        Assert.Null(empty.ExtensionData);

        Assert.Equal(FullEntriesGolden, ProtocolSerializer.SerializeToString(x));
    }

    [Fact]
    public void Entries_any_order_nulls_and_tolerant_values()
    {
        var x = Parse<MarketDataIncrementalRefresh>("""{"MDIncGrp":[{"MDEntryPositionNo":"2","MDEntryPx":"62000000000","MDEntryType":1,"MDUpdateAction":"1","MDEntryID":null,"Symbol":"BTCUSD","Broker":null,"MDEntrySize":1.0e8,"Side":null,"MDEntryDate":null}],"MDReqID":"7","MsgType":"X"}""");
        var e = Assert.Single(x.MDIncGrp!);
        Assert.Equal(7, x.MDReqID);
        Assert.Equal(2, e.MDEntryPositionNo);
        Assert.Equal(MarketDataEntryType.Offer, e.MDEntryType);
        Assert.Equal(MarketDataUpdateAction.Change, e.MDUpdateAction);
        Assert.Null(e.MDEntryID);
        Assert.Null(e.Broker);
        Assert.Null(e.Side);
        Assert.Null(e.MDEntryDate);
        Assert.Equal(100000000, e.MDEntrySize!.Value.Satoshis);
        Assert.Equal(62000000000, e.MDEntryPx!.Value.Satoshis);
    }

    [Fact]
    public void Repeated_symbols_come_from_the_cache_and_non_ascii_still_parses()
    {
        var a = Parse<MarketDataIncrementalRefresh>("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[{"MDEntryType":"0","Symbol":"BTCUSD","Broker":"exchange"},{"MDEntryType":"0","Symbol":"BTCUSD","Broker":"exchangé"},{"MDEntryType":"0","Symbol":"BTC\u0055SD"}]}""");
        Assert.Same(a.MDIncGrp![0].Symbol, a.MDIncGrp[1].Symbol);
        Assert.Equal("exchangé", a.MDIncGrp[1].Broker);
        Assert.Equal("BTCUSD", a.MDIncGrp[2].Symbol);
    }

    [Theory]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryType":null}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryType":{}}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryPx":"abc"}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryPx":1.5}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntrySize":[]}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryPositionNo":3000000000}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryDate":"07/09/2016"}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryTime":25}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"Symbol":{}}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"Side":[]}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"TradeID":false}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[1]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[null]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[[]]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":{}}""")]
    [InlineData("""{"MsgType":"W","MDFullGrp":[{"MDEntryType":"0","MDEntryPx":true}]}""")]
    public void Entry_wrong_types_are_invalid_fields(string json)
    {
        var error = Fails(json);
        Assert.Equal(ProtocolErrorKind.InvalidField, error.Kind);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public void Heartbeat_reads_every_field_in_any_order_and_writes_like_the_generated_serializer()
    {
        var h = Parse<Heartbeat>("""{"ClientTimestamp":"3","ServerTimestamp":2.0,"Extra":[1],"SendTime":1,"TestReqID":77,"MsgType":"0"}""");
        Assert.Equal("77", h.TestReqID);
        Assert.Equal(1, h.SendTime);
        Assert.Equal(2, h.ServerTimestamp);
        Assert.Equal(3, h.ClientTimestamp);
        Assert.Equal(JsonValueKind.Array, h.ExtensionData!["Extra"].ValueKind);
        Assert.Equal("""{"MsgType":"0","TestReqID":"77","SendTime":1,"ServerTimestamp":2,"ClientTimestamp":3,"Extra":[1]}""", ProtocolSerializer.SerializeToString(h));
        Assert.Equal("""{"MsgType":"0"}""", ProtocolSerializer.SerializeToString(Parse<Heartbeat>("""{"MsgType":"0","TestReqID":null,"SendTime":null}""")));
    }

    [Theory]
    [InlineData("""{"MsgType":"0","TestReqID":{}}""")]
    [InlineData("""{"MsgType":"0","SendTime":"soon"}""")]
    [InlineData("""{"MsgType":"0","ServerTimestamp":1e400}""")]
    [InlineData("""{"MsgType":"0","ClientTimestamp":[]}""")]
    [InlineData("""{"MsgType":"X","MDReqID":null,"MDIncGrp":[]}""")]
    [InlineData("""{"MsgType":"X","MDReqID":1,"MDBkTyp":{}}""")]
    public void Small_frame_wrong_types_are_invalid_fields(string json)
        => Assert.Equal(ProtocolErrorKind.InvalidField, Fails(json).Kind);

    [Fact]
    public void Incremental_refresh_groups_of_any_size()
    {
        var entries = string.Join(",", Enumerable.Range(1, 100).Select(i => $$"""{"MDUpdateAction":"2","MDEntryType":"0","MDEntryPositionNo":{{i}}}"""));
        var x = Parse<MarketDataIncrementalRefresh>($$"""{"MsgType":"X","MDReqID":1,"MDIncGrp":[{{entries}}]}""");
        Assert.Equal(100, x.MDIncGrp!.Count);
        Assert.Equal(Enumerable.Range(1, 100), x.MDIncGrp.Select(e => e.MDEntryPositionNo!.Value));
        Assert.Empty(Parse<MarketDataIncrementalRefresh>("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[]}""").MDIncGrp!);
        Assert.Null(Parse<MarketDataIncrementalRefresh>("""{"MsgType":"X","MDReqID":1,"MDIncGrp":null}""").MDIncGrp);
        Assert.Equal("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[]}""", ProtocolSerializer.SerializeToString(new MarketDataIncrementalRefresh { MDReqID = 1, MDIncGrp = [] }));
    }

    [Theory]
    [InlineData("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[]} x""")]
    [InlineData("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[]}{}""")]
    [InlineData("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[],}""")]
    [InlineData("""{"MsgType":"X","MDReqID":1,/*c*/"MDIncGrp":[]}""")]
    [InlineData("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[{"MDEntryType":"0"}""")]
    public void Incremental_refresh_malformed_frames_stay_malformed(string json)
        => Assert.Equal(ProtocolErrorKind.MalformedJson, Fails(json).Kind);

    [Fact]
    public void Incremental_refresh_errors_keep_the_serializer_path()
    {
        var error = Fails("""{"MsgType":"X","MDReqID":1,"MDIncGrp":[{"MDEntryType":"0"},{"MDEntryPx":"abc"}]}""");
        Assert.Equal(ProtocolErrorKind.InvalidField, error.Kind);
        Assert.StartsWith("Invalid MarketDataIncrementalRefresh (MsgType 'X')", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Single(Parse<MarketDataIncrementalRefresh>(" \r\n{\"MsgType\":\"X\",\"MDReqID\":1,\"MDIncGrp\":[{}]} \t\r\n").MDIncGrp!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(40)]
    public void Incremental_refresh_keeps_every_entry_in_order(int count)
    {
        var json = """{"MsgType":"X","MDReqID":1,"MDIncGrp":[""" + string.Join(",", Enumerable.Range(1, count).Select(i => "{\"MDEntryType\":\"0\",\"MDEntryPositionNo\":" + i + "}")) + "]}";
        var entries = Parse<MarketDataIncrementalRefresh>(json).MDIncGrp!;
        Assert.Equal(Enumerable.Range(1, count), entries.Select(e => e.MDEntryPositionNo!.Value));
        Assert.Equal(json, ProtocolSerializer.SerializeToString(Parse<MarketDataIncrementalRefresh>(json)));
    }
}
