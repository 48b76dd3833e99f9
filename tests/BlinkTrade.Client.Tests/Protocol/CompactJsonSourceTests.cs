using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// The strict <see cref="CompactJsonSource"/> the hot frames (<c>X</c>, <c>W</c>, <c>8</c>) are read from first: it reads
/// the exchange's own frames, and whatever it accepts it reads exactly as the tolerant <see cref="JsonReaderSource"/>
/// does; everything else it declines, and <see cref="ProtocolSerializer"/> reads the frame as before.
/// </summary>
public sealed class CompactJsonSourceTests
{
    // Frames as the reference exchange writes them (its X encoder's trade and book changes, a W, a fill's 8).
    private const string Trade =
        """{"MsgType":"X","MDReqID":3140401,"MDBkTyp":"3","MDIncGrp":[{"MDUpdateAction":"0","MDEntryType":"2","Symbol":"BTCUSD","MDEntryPx":62000000000,"MDEntrySize":50000000,"MDEntryDate":"2026-12-05","MDEntryTime":"00:40:12","OrderID":1459028830990,"TradeID":16094,"Side":"1","SecondaryOrderID":1459028830811,"MDEntryBuyerID":90800127,"MDEntrySellerID":90000002}]}""";

    private const string Book =
        """{"MsgType":"X","MDReqID":3140401,"MDBkTyp":"3","MDIncGrp":[{"MDUpdateAction":"1","MDEntryType":"1","Symbol":"BTCUSD","MDEntryPositionNo":1,"MDEntryID":1459028830811,"MDEntryPx":62000000000,"MDEntrySize":30000000,"MDEntryDate":"2026-12-05","MDEntryTime":"00:40:13","OrderID":1459028830811,"UserID":90000002,"Broker":"exchange"},{"MDUpdateAction":"2","MDEntryType":"1","Symbol":"BTCUSD","MDEntryPositionNo":2},{"MDUpdateAction":"0","MDEntryType":"0","Symbol":"BTCUSD","MDEntryPositionNo":3,"MDEntryID":1459028830990,"MDEntryPx":61900000000,"MDEntrySize":80000000,"MDEntryDate":"2026-12-05","MDEntryTime":"00:40:13","OrderID":1459028830990,"UserID":90800127,"Broker":"exchange"}]}""";

    private const string Snapshot =
        """{"MsgType":"W","MDReqID":3140401,"Symbol":"BTCUSD","MarketDepth":10,"MDFullGrp":[{"MDEntryType":"0","MDEntryPositionNo":1,"MDEntryID":1459028830001,"MDEntryPx":61980000000,"MDEntrySize":1000000,"MDEntryDate":"2026-12-05","MDEntryTime":"00:40:13","OrderID":1459028830001,"UserID":90000001,"Broker":"exchange"},{"MDEntryType":"1","MDEntryPositionNo":1,"MDEntryID":1459028830101,"MDEntryPx":62010000000,"MDEntrySize":1000000,"MDEntryDate":"2026-12-05","MDEntryTime":"00:40:13","OrderID":1459028830101,"UserID":90000001,"Broker":"exchange"}]}""";

    private const string Report =
        """{"MsgType":"8","OrderID":1459028830990,"ClOrdID":"7302190","ExecID":741402,"ExecType":"F","OrdStatus":"1","ExecSide":"1","Symbol":"BTCUSD","Side":"1","OrdType":"2","TimeInForce":"1","OrderQty":80000000,"Price":62100000000,"LastShares":50000000,"LastPx":62000000000,"LeavesQty":30000000,"CumQty":50000000,"CxlQty":0,"AvgPx":62000000000,"OrderDate":"2026-12-05 00:40:12","Volume":31000000000}""";

    // A report as the exchange sends it: TransactTime is a field the record does not model (extension data).
    private const string ReportWithTransactTime =
        """{"MsgType":"8","OrderID":1459028830990,"ClOrdID":"7302190","ExecID":741402,"ExecType":"F","OrdStatus":"1","ExecSide":"1","Symbol":"BTCUSD","Side":"1","OrdType":"2","TimeInForce":"1","OrderQty":80000000,"Price":62100000000,"LastShares":50000000,"LastPx":62000000000,"LeavesQty":30000000,"CumQty":50000000,"CxlQty":0,"AvgPx":62000000000,"OrderDate":"2026-12-05 00:40:12","Volume":31000000000,"TransactTime":"2026-12-05 00:40:12"}""";

    public static TheoryData<string> ExchangeFrames => new() { Trade, Book, Snapshot, Report, ReportWithTransactTime };

    // Both readers of each hot message, by the MsgType the test gives.
    private static (BlinkTradeMessage? Compact, bool Declined) ReadCompact(byte[] frame)
    {
        var source = new CompactJsonSource(frame);
        var message = Read(ref source, frame);
        return source.AtEnd() ? (message, false) : (null, true);
    }

    // The frame's reader by its MsgType (the X reader for anything without a readable one).
    private static BlinkTradeMessage Read<TSource>(ref TSource source, byte[] frame)
        where TSource : IWireSource, allows ref struct
        => (ProtocolSerializer.TryReadMsgType(frame, out var type) ? type : null) switch
        {
            "8" => ExecutionReportJsonConverter.Read(ref source),
            "W" => MarketDataFullRefreshReader.Read(ref source),
            _ => MarketDataIncrementalRefreshJsonConverter.Read(ref source),
        };

    private static string Text(BlinkTradeMessage message) => ProtocolSerializer.SerializeToString(message);

    [Theory]
    [MemberData(nameof(ExchangeFrames))]
    public void The_exchange_frames_are_read_by_the_compact_source_as_the_serializer_reads_them(string json)
    {
        var frame = Encoding.UTF8.GetBytes(json);
        var (compact, declined) = ReadCompact(frame);
        Assert.False(declined);
        Assert.Equal(json, Text(compact!));
        Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize(json, compact!.GetType(), ProtocolJsonContext.Default), compact.GetType(), ProtocolJsonContext.Default), Text(compact));
        Assert.Equal(json, Text(ProtocolSerializer.Deserialize(frame)));
    }

    [Fact]
    public void Whitespace_between_tokens_is_compact_too()
    {
        var spaced = Report.Replace(",", ",\n  ", StringComparison.Ordinal).Replace(":", " : ", StringComparison.Ordinal).Replace("{", " {\t", StringComparison.Ordinal) + "\r\n";
        spaced = spaced.Replace("2026-12-05 00 : 40 : 12", "2026-12-05 00:40:12", StringComparison.Ordinal);
        var (compact, declined) = ReadCompact(Encoding.UTF8.GetBytes(spaced));
        Assert.False(declined);
        Assert.Equal(Report, Text(compact!));
    }

    [Theory]
    [InlineData("""{"MsgType":"8","OrderID":1,"Zed":{}}""")] // unknown name of a value other than plain text or an integer
    [InlineData("""{"MsgType":"8","OrderID":1,"Zed":null}""")]
    [InlineData("""{"MsgType":"8","OrderID":1,"Zed":1.5}""")]
    [InlineData("""{"MsgType":"8","OrderID":1,"Zed":"a\u0062"}""")]
    [InlineData("""{"MsgType":"8","OrderID":1,"Z\u0065d":1}""")] // escaped unknown name
    [InlineData("""{"MsgType":"8","ClOrdID":"a\"b"}""")] // escape
    [InlineData("""{"MsgType":"8","ClOrdID":"é"}""")] // non-ASCII
    [InlineData("""{"MsgType":"8","ClOrdID":7}""")] // number as text
    [InlineData("""{"MsgType":"8","OrderID":"7"}""")] // text as number
    [InlineData("""{"MsgType":"8","OrderID":7.0}""")] // integral float
    [InlineData("""{"MsgType":"8","OrderID":7e2}""")]
    [InlineData("""{"MsgType":"8","OrderID":1234567890123456789}""")] // 19 digits
    [InlineData("""{"MsgType":"8","OrderID":null}""")] // null where required: an error
    [InlineData("""{"MsgType":"8","OrderDate":"2016-09-07T04:40:12"}""")] // another accepted form
    [InlineData("""{"MsgType":"8","OrderDate":1473223212}""")]
    [InlineData("""{"MsgType":"8","Side":1}""")]
    [InlineData("""{"MsgType":"8","OrderID":01}""")] // malformed
    [InlineData("""{"MsgType":"8","OrderID":1,}""")]
    [InlineData("""{"MsgType":"8",,"OrderID":1}""")]
    [InlineData("""{"MsgType":"8" "OrderID":1}""")]
    [InlineData("""{"MsgType":"8","OrderID":1}x""")]
    [InlineData("""{"MsgType":"8","OrderID":1""")]
    [InlineData("""{"MsgType":"8","OrderID":-}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{},]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[,{}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[null]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":{}}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryDate":"2016-02-30"}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryTime":"4:40:12"}]}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryPositionNo":2147483648}]}""")]
    [InlineData("""{"MsgType":"W","MDFullGrp":[{"MDEntryType":"4","BTC":[1]}]}""")]
    [InlineData("""{"MsgType":"W","Symbol":nul}""")]
    public void Anything_else_is_declined_and_read_by_the_serializer_as_before(string json)
    {
        var frame = Encoding.UTF8.GetBytes(json);
        Assert.True(ReadCompact(frame).Declined);
    }

    [Theory]
    [InlineData("""{"MsgType":"8","TimeInForce":null,"StopPx":null,"ClOrdID":null,"OrderDate":null,"Volume":null}""", """{"MsgType":"8"}""")]
    [InlineData("""{"MsgType":"X","MDReqID":-0,"MDBkTyp":null,"MDIncGrp":null}""", """{"MsgType":"X","MDReqID":0}""")]
    [InlineData("""{"MsgType":"X","MDReqID":1,"MDReqID":2,"MDIncGrp":[],"MsgType":"X"}""", """{"MsgType":"X","MDReqID":2,"MDIncGrp":[]}""")]
    [InlineData("""{"MsgType":"W","MDReqID":1,"MDFullGrp":[{"MDEntryType":"Z","Side":"Q","MDEntryPositionNo":-2147483648}]}""", """{"MsgType":"W","MDReqID":1,"MDFullGrp":[{"MDEntryPositionNo":-2147483648,"Side":"Q","MDEntryType":"Z"}]}""")]
    [InlineData("""{"MsgType":"8","OrderID":1,"Zed":1}""", """{"OrderID":1,"Zed":1,"MsgType":"8"}""")] // unknown names: extension data
    [InlineData("""{"MsgType":"W","MDFullGrp":[{"MDEntryType":"4","BTC":1}]}""", """{"MsgType":"W","MDFullGrp":[{"BTC":1,"MDEntryType":"4"}]}""")]
    [InlineData("""{"MsgType":"8","Zed":"a","OrderID":1,"Zed":-20,"TransactTime":"2026-12-05 00:40:12"}""", """{"MsgType":"8","OrderID":1,"Zed":-20,"TransactTime":"2026-12-05 00:40:12"}""")]
    [InlineData("""{"MsgType":"X","MDIncGrp":[{"MDEntryType":"0","Zed":"b"}],"Extra":7}""", """{"MsgType":"X","MDIncGrp":[{"Zed":"b","MDEntryType":"0"}],"Extra":7}""")]
    public void Nulls_duplicates_and_unknown_enumeration_values_read_as_the_tolerant_source_reads_them(string json, string sameAs)
    {
        var frame = Encoding.UTF8.GetBytes(json);
        var (compact, declined) = ReadCompact(frame);
        Assert.False(declined);
        Assert.Equal(Text(Tolerant(frame)), Text(compact!));
        Assert.Equal(Text(Tolerant(Encoding.UTF8.GetBytes(sameAs))), Text(compact!));
    }

    // Names are first checked against the one that followed the previous name last time (a hint shared by every parse):
    // any order, an unknown name, a name that is a prefix of another or spaced from its colon read as the tolerant source
    // reads them, whatever the hints say.
    [Fact]
    public void Names_in_any_order_read_as_the_tolerant_source_reads_them()
    {
        var members = ReportWithTransactTime[1..^1].Split(',').Skip(1).ToList(); // MsgType stays first: it picks the reader
        members.AddRange(["\"Zed\":5", "\"Side\" :\"2\"", "\"OrdType\":\"1\"", "\"OrderIDs\":7"]);
        var random = new Random(18);
        for (var i = 0; i < 400; i++)
        {
            var count = random.Next(members.Count + 1);
            var picked = i % 2 == 0 ? members.OrderBy(_ => random.Next()).Take(count) : members.Take(count);
            var frame = Encoding.UTF8.GetBytes("{\"MsgType\":\"8\"" + string.Concat(picked.Select(m => "," + m)) + "}");
            var (compact, declined) = ReadCompact(frame);
            Assert.False(declined, Encoding.UTF8.GetString(frame));
            Assert.Equal(Text(Tolerant(frame)), Text(compact!));
        }
    }

    // Integers are read eight digits at a time where eight bytes are digits: every length, sign and what follows.
    [Fact]
    public void Integers_of_every_length_read_as_their_digits_say()
    {
        var random = new Random(18);
        for (var length = 1; length <= 21; length++)
        {
            for (var i = 0; i < 40; i++)
            {
                var digits = string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));
                var sign = random.Next(4) == 0 ? "-" : "";
                var json = random.Next(3) switch
                {
                    0 => $$"""{"MsgType":"8","OrderID":{{sign}}{{digits}}}""",
                    1 => $$"""{"MsgType":"8","OrderID":{{sign}}{{digits}} ,"ExecID":7}""",
                    _ => $$"""{"MsgType":"8","ExecID":7,"OrderID":{{sign}}{{digits}},"CumQty":123456789012}""",
                };
                var frame = Encoding.UTF8.GetBytes(json);
                var (compact, declined) = ReadCompact(frame);
                var valid = length <= 18 && (digits[0] != '0' || length == 1);
                Assert.Equal(!valid, declined);
                if (valid)
                {
                    Assert.Equal(long.Parse(sign + digits, System.Globalization.CultureInfo.InvariantCulture), ((ExecutionReport)compact!).OrderID);
                    Assert.Equal(Text(Tolerant(frame)), Text(compact!));
                }
            }
        }
    }

    [Fact]
    public void Extension_data_read_from_the_compact_form_is_each_record_own_and_holds_each_frame_value()
    {
        // Many seconds and names: values that share a cache slot replace each other, never mix.
        var start = new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 500; i++)
        {
            var time = start.AddSeconds(i % 250).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            var name = i < 250 ? "TransactTime" : "Field" + i;
            var (compact, declined) = ReadCompact(Encoding.UTF8.GetBytes($$"""{"MsgType":"8","OrderID":{{i}},"{{name}}":"{{time}}","Count":{{i}}}"""));
            Assert.False(declined);
            var extension = compact!.ExtensionData!;
            Assert.Equal(time, extension[name].GetString());
            Assert.Equal(i, extension["Count"].GetInt32());
            Assert.Equal(2, extension.Count);
        }

        var frame = Encoding.UTF8.GetBytes(ReportWithTransactTime);
        var first = ReadCompact(frame).Compact!;
        var second = ReadCompact(frame).Compact!;
        Assert.NotSame(first.ExtensionData, second.ExtensionData);
        first.ExtensionData!.Remove("TransactTime");
        Assert.Equal("2026-12-05 00:40:12", second.ExtensionData!["TransactTime"].GetString());
    }

    /// <summary>
    /// Random damage to the exchange's frames (bytes dropped, doubled, replaced by JSON's structural characters, digits,
    /// quotes, spaces, backslashes, non-ASCII): whenever the compact source still accepts a frame, the tolerant source
    /// accepts it too and reads the same message; and the public parse never throws anything but a ProtocolException.
    /// </summary>
    [Fact]
    public void Whatever_the_compact_source_accepts_the_tolerant_source_reads_the_same()
    {
        var random = new Random(18_011);
        byte[] alphabet = "{}[],:\"\\ 0123456789-.eEnulltrfa\u00e9"u8.ToArray();
        var accepted = 0;
        var declined = 0;
        foreach (var json in new[] { Trade, Book, Snapshot, Report, ReportWithTransactTime })
        {
            var original = Encoding.UTF8.GetBytes(json);
            for (var i = 0; i < 3000; i++)
            {
                var frame = new List<byte>(original);
                for (var edits = random.Next(1, 3); edits > 0; edits--)
                {
                    var at = random.Next(frame.Count);
                    switch (random.Next(4))
                    {
                        case 0: frame.RemoveAt(at); break;
                        case 1: frame.Insert(at, frame[at]); break;
                        case 2: frame[at] = alphabet[random.Next(alphabet.Length)]; break;
                        default: frame.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    }
                }
                var bytes = frame.ToArray();
                var (compact, wasDeclined) = ReadCompact(bytes);
                if (wasDeclined)
                {
                    declined++;
                }
                else
                {
                    accepted++;
                    Assert.Equal(Text(Tolerant(bytes)), Text(compact!));
                }
                if (ProtocolSerializer.TryDeserialize(bytes, out var parsed, out _) && !wasDeclined && parsed.GetType() == compact!.GetType())
                {
                    Assert.Equal(Text(compact!), Text(parsed));
                }
            }
        }
        // Both outcomes occur, so the comparison above ran on real accepted variants.
        Assert.True(accepted > 100, $"accepted {accepted}");
        Assert.True(declined > 100, $"declined {declined}");
    }

    [Fact]
    public void A_name_table_finds_its_names_and_nothing_else()
    {
        string[] names = ["MDEntryDate", "MDEntryTime", "MDEntryType", "MDEntryBuyerID", "MDEntrySellerID", "Side", "OrderID", "UserID"];
        var table = new WireNameTable(names);
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(i, table.Find(Encoding.ASCII.GetBytes(names[i])));
        }
        foreach (var other in new[] { "", "S", "Sid", "side", "MDEntryDat", "MDEntryDatee", "MDEntryXate", "OrderId", "UserIDx" })
        {
            Assert.Equal(-1, table.Find(Encoding.ASCII.GetBytes(other)));
        }
        Assert.Throws<ArgumentException>(() => new WireNameTable("AbcdXYZWxyz", "AbcdQQQWxyz"));
        Assert.Throws<ArgumentException>(() => new WireNameTable("Px"));
    }

    [Fact]
    public void A_name_table_guesses_declaration_order_then_what_it_learned()
    {
        var table = new WireNameTable("OrderID", "ClOrdID", "ExecID");
        Assert.Equal([0, 1, 2, -1], new[] { table.Guess(-1), table.Guess(0), table.Guess(1), table.Guess(2) });
        Assert.Equal("\"ClOrdID\":"u8.ToArray(), table.Member(1).ToArray());
        table.Learn(-1, 2);
        table.Learn(2, 0);
        table.Learn(0, -1); // not a name: nothing learned
        table.Learn(int.MinValue, 1); // no previous name: nothing learned
        Assert.Equal([2, 1, 2, 0], new[] { table.Guess(-1), table.Guess(0), table.Guess(1), table.Guess(2) });
        Assert.Equal(-1, table.Guess(int.MinValue));
        Assert.Equal(-1, table.Guess(3));
    }

    private static BlinkTradeMessage Tolerant(byte[] frame)
    {
        var source = new JsonReaderSource(new Utf8JsonReader(frame), ProtocolJsonContext.Default.Options);
        Assert.True(source.Reader.Read());
        var message = Read(ref source, frame);
        Assert.False(source.Reader.Read());
        return message;
    }
}
