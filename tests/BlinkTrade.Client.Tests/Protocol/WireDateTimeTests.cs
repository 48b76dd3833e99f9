using System.Text;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>Datetimes are "yyyy-MM-dd HH:mm:ss" (UTC); MDEntryDate/MDEntryTime are separate date and time strings.</summary>
public sealed class WireDateTimeTests
{
    private static ExecutionReport ParseReport(string orderDate)
        => ProtocolSerializer.Deserialize<ExecutionReport>(Encoding.UTF8.GetBytes("{\"MsgType\":\"8\",\"OrderDate\":" + orderDate + "}"));

    [Theory]
    [InlineData("\"2016-09-07 04:40:12\"")]
    [InlineData("\"2016-09-07T04:40:12\"")]
    [InlineData("\"2016-09-07T04:40:12Z\"")]
    [InlineData("\"2016-09-07T06:40:12+02:00\"")]
    [InlineData("1473223212")]
    public void Accepted_forms_read_as_the_same_UTC_instant(string value)
    {
        var date = ParseReport(value).OrderDate!.Value;
        Assert.Equal(new DateTime(2016, 9, 7, 4, 40, 12, DateTimeKind.Utc), date);
        Assert.Equal(DateTimeKind.Utc, date.Kind);
    }

    [Fact]
    public void Written_in_the_wire_format()
        => Assert.Contains("\"OrderDate\":\"2016-09-07 04:40:12\"",
            ProtocolSerializer.SerializeToString(ParseReport("\"2016-09-07T04:40:12Z\"")), StringComparison.Ordinal);

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2016-13-40 99:00:00\"")]
    [InlineData("{}")]
    [InlineData("99999999999999")]
    public void Bad_datetimes_are_invalid_fields(string value)
    {
        Assert.False(ProtocolSerializer.TryDeserialize(Encoding.UTF8.GetBytes("{\"MsgType\":\"8\",\"OrderDate\":" + value + "}"), out _, out var error));
        Assert.Equal(ProtocolErrorKind.InvalidField, error!.Kind);
    }

    [Fact]
    public void Market_data_dates_and_times()
    {
        var refresh = ProtocolSerializer.Deserialize<MarketDataIncrementalRefresh>(Encoding.UTF8.GetBytes(
            "{\"MsgType\":\"X\",\"MDReqID\":1,\"MDIncGrp\":[{\"MDUpdateAction\":\"0\",\"MDEntryType\":\"2\",\"MDEntryDate\":\"2016-07-13\",\"MDEntryTime\":\"18:09:09\"}]}"));
        var entry = Assert.Single(refresh.MDIncGrp!);
        Assert.Equal(new DateOnly(2016, 7, 13), entry.MDEntryDate);
        Assert.Equal(new TimeOnly(18, 9, 9), entry.MDEntryTime);
    }
}
