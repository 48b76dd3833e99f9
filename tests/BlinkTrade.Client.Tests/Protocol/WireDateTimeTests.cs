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

    private static MarketDataEntry ParseEntry(string date, string time)
        => Assert.Single(ProtocolSerializer.Deserialize<MarketDataIncrementalRefresh>(Encoding.UTF8.GetBytes(
            "{\"MsgType\":\"X\",\"MDReqID\":1,\"MDIncGrp\":[{\"MDEntryType\":\"2\",\"MDEntryDate\":" + date + ",\"MDEntryTime\":" + time + "}]}")).MDIncGrp!);

    [Theory]
    [InlineData("\"2016-02-29\"", "\"00:00:00\"", 2016, 2, 29, 0, 0, 0, 0)]
    [InlineData("\"0001-01-01\"", "\"23:59:59\"", 1, 1, 1, 23, 59, 59, 0)]
    [InlineData("\"9999-12-31\"", "\"7:05:09\"", 9999, 12, 31, 7, 5, 9, 0)]
    [InlineData("\"2016\\u002d07-13\"", "\"18:09:09.25\"", 2016, 7, 13, 18, 9, 9, 250)]
    public void Market_data_date_and_time_forms(string date, string time, int year, int month, int day, int hour, int minute, int second, int millisecond)
    {
        var entry = ParseEntry(date, time);
        Assert.Equal(new DateOnly(year, month, day), entry.MDEntryDate);
        Assert.Equal(new TimeOnly(hour, minute, second, millisecond), entry.MDEntryTime);
    }

    [Theory]
    [InlineData("\"2015-02-29\"", "\"00:00:00\"")]
    [InlineData("\"0000-01-01\"", "\"00:00:00\"")]
    [InlineData("\"2016-13-01\"", "\"00:00:00\"")]
    [InlineData("\"2016-00-01\"", "\"00:00:00\"")]
    [InlineData("\"2016-01-32\"", "\"00:00:00\"")]
    [InlineData("\"2016-01-0a\"", "\"00:00:00\"")]
    [InlineData("\"2016/01/01\"", "\"00:00:00\"")]
    [InlineData("\"2016-01-01\"", "\"24:00:00\"")]
    [InlineData("\"2016-01-01\"", "\"23:60:00\"")]
    [InlineData("\"2016-01-01\"", "\"23:00:60\"")]
    [InlineData("\"2016-01-01\"", "\"2x:00:00\"")]
    [InlineData("\"2016-01-01\"", "\"23-00-00\"")]
    public void Bad_market_data_dates_and_times_are_invalid_fields(string date, string time)
    {
        var frame = "{\"MsgType\":\"X\",\"MDReqID\":1,\"MDIncGrp\":[{\"MDEntryType\":\"2\",\"MDEntryDate\":" + date + ",\"MDEntryTime\":" + time + "}]}";
        Assert.False(ProtocolSerializer.TryDeserialize(Encoding.UTF8.GetBytes(frame), out _, out var error));
        Assert.Equal(ProtocolErrorKind.InvalidField, error!.Kind);
    }
}
