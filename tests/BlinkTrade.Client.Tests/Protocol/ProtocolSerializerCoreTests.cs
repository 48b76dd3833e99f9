using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

public sealed class ProtocolSerializerCoreTests
{
    private static BlinkTradeMessage Parse(string json) => ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Heartbeat_parses_and_MsgType_is_not_extension_data()
    {
        var message = Parse("""{"MsgType":"0","TestReqID":"42","SendTime":1700000000000,"ServerTimestamp":1700000000}""");
        var heartbeat = Assert.IsType<Heartbeat>(message);
        Assert.Equal("42", heartbeat.TestReqID);
        Assert.Equal(1700000000000, heartbeat.SendTime);
        Assert.Null(heartbeat.ExtensionData);
        Assert.Equal("""{"MsgType":"0","TestReqID":"42","SendTime":1700000000000,"ServerTimestamp":1700000000}""", ProtocolSerializer.SerializeToString(heartbeat));
    }

    [Fact]
    public void Numeric_TestReqID_and_unknown_fields_are_tolerated()
    {
        var heartbeat = Assert.IsType<Heartbeat>(Parse("""{"TestReqID":7,"MsgType":"0","Brand":"new","Nested":{"a":[1]}}"""));
        Assert.Equal("7", heartbeat.TestReqID);
        Assert.NotNull(heartbeat.ExtensionData);
        Assert.Equal("new", heartbeat.ExtensionData!["Brand"].GetString());
        var json = ProtocolSerializer.SerializeToString(heartbeat);
        Assert.Contains("\"Nested\":{\"a\":[1]}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Execution_report_fields_and_unknown_enum_values()
    {
        var report = Assert.IsType<ExecutionReport>(Parse(
            """{"MsgType":"8","OrderID":"1459028830990","ClOrdID":7302190,"ExecID":741401,"ExecType":"1","OrdStatus":"Z","ExecSide":"1","Side":"1","OrdType":"2","TimeInForce":"1","Symbol":"BTCUSD","OrderQty":80000000,"Price":62100000000,"LastShares":50000000,"LastPx":62000000000,"LeavesQty":30000000,"CumQty":50000000,"CxlQty":0,"AvgPx":62000000000}"""));
        Assert.Equal(1459028830990, report.OrderID);
        Assert.Equal("7302190", report.ClOrdID);
        Assert.Equal(ExecType.PartiallyFilled, report.ExecType);
        Assert.False(report.OrdStatus.IsKnown);
        Assert.Equal("Z", report.OrdStatus.Value);
        Assert.Equal(620m, report.LastPx.ToDecimal());
        Assert.Equal(0.8m, report.OrderQty.ToDecimal());
        Assert.Contains("\"OrdStatus\":\"Z\"", ProtocolSerializer.SerializeToString(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_MsgType_is_kept_raw()
    {
        var unknown = Assert.IsType<UnknownMessage>(Parse("""{"MsgType":"j","RefMsgType":"D","ReqID":12}"""));
        Assert.Equal("j", unknown.MsgType);
        Assert.Equal("12", unknown.GetField("ReqID"));
        Assert.Equal("""{"MsgType":"j","RefMsgType":"D","ReqID":12}""", ProtocolSerializer.SerializeToString(unknown));
    }

    [Theory]
    [InlineData("", ProtocolErrorKind.Empty)]
    [InlineData("[1,2]", ProtocolErrorKind.NotAnObject)]
    [InlineData("{\"MsgType\":\"0\"", ProtocolErrorKind.MalformedJson)]
    [InlineData("{\"TestReqID\":1}", ProtocolErrorKind.MissingMsgType)]
    [InlineData("{\"MsgType\":\"8\",\"OrderID\":{\"x\":1}}", ProtocolErrorKind.InvalidField)]
    public void Bad_frames_yield_typed_errors_with_the_raw_frame(string frame, ProtocolErrorKind kind)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        Assert.False(ProtocolSerializer.TryDeserialize(bytes, out _, out var error));
        Assert.Equal(kind, error!.Kind);
        Assert.Equal(bytes, error.RawFrame.ToArray());
    }

    [Fact]
    public void Example_file_execution_reports_parse()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "examples", "8_ExecutionReport.json")));
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var report = Assert.IsType<ExecutionReport>(ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(element.GetRawText())));
            Assert.Equal(report.OrderQty, report.CumQty + report.LeavesQty + report.CxlQty);
        }
    }
}
