using BlinkTrade.Client.Protocol;
using static BlinkTrade.Client.Tests.Protocol.ProtocolTestHelpers;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>Column-oriented list responses of the account, deposit, withdrawal and API-key groups.</summary>
public sealed class ColumnarListTests
{
    [Fact]
    public void Columns_in_any_order()
    {
        var response = Parse<WithdrawListResponse>("""
            {"MsgType":"U27","WithdrawListReqID":1,"Columns":["Status","Amount","WithdrawID","Currency"],
             "WithdrawListGrp":[["4",100000,365,"BTC"],["8",5,366,"USD"]]}
            """);
        Assert.Equal(2, response.WithdrawListGrp.Count);
        Assert.Equal(365, response.WithdrawListGrp[0].WithdrawID);
        Assert.Equal(WithdrawStatus.Complete, response.WithdrawListGrp[0].Status);
        Assert.Equal(Amount.FromSatoshis(5), response.WithdrawListGrp[1].Amount);
        Assert.Equal("USD", response.WithdrawListGrp[1].Currency);
    }

    [Fact]
    public void Unknown_columns_are_kept_in_row_extension_data_and_written_back()
    {
        var response = Parse<LedgerListResponse>("""
            {"MsgType":"U35","LedgerListReqID":9,"Columns":["LedgerID","Shiny","Currency"],"LedgerListGrp":[[1,{"a":[1]},"BTC"]]}
            """);
        var row = Assert.Single(response.LedgerListGrp);
        Assert.Equal(1, row.LedgerID);
        Assert.Equal("BTC", row.Currency);
        Assert.Equal("{\"a\":[1]}", row.ExtensionData!["Shiny"].GetRawText());
        Assert.Null(response.ExtensionData);

        var json = ProtocolSerializer.SerializeToString(response);
        Assert.True(JsonEquals("""{"MsgType":"U35","LedgerListReqID":9,"Columns":["LedgerID","Currency","Shiny"],"LedgerListGrp":[[1,"BTC",{"a":[1]}]]}""", json), json);
    }

    [Fact]
    public void Missing_columns_are_null()
    {
        var response = Parse<DepositListResponse>("""{"MsgType":"U31","DepositListReqID":1,"Columns":["DepositID"],"DepositListGrp":[["abc"]]}""");
        var row = Assert.Single(response.DepositListGrp);
        Assert.Equal("abc", row.DepositID);
        Assert.Null(row.Status);
        Assert.Null(row.Value);
        Assert.Null(row.Data);
        Assert.Null(row.Created);
    }

    [Fact]
    public void Rows_longer_than_columns_ignore_the_extra_values_and_shorter_rows_leave_nulls()
    {
        var response = Parse<TradersRankResponse>("""
            {"MsgType":"U37","TradersRankReqID":1,"Columns":["Rank","Trader"],"TradersRankGrp":[[1,"a","extra",99],[2]]}
            """);
        Assert.Equal(new TradersRankEntry { Rank = 1, Trader = "a" }, response.TradersRankGrp[0]);
        Assert.Equal(new TradersRankEntry { Rank = 2 }, response.TradersRankGrp[1]);
    }

    [Fact]
    public void Grp_before_Columns_in_the_frame()
    {
        var response = Parse<ApiKeyListResponse>("""
            {"MsgType":"U51","ApiKeyListGrp":[["k1","L",["1.2.3.4"],{"U2":[]}]],"APIKeyListReqID":"77","Columns":["APIKey","Label","IPWhiteList","PermissionList"]}
            """);
        Assert.Equal(77, response.APIKeyListReqID);
        var key = Assert.Single(response.ApiKeyListGrp);
        Assert.Equal("k1", key.APIKey);
        Assert.Equal(["1.2.3.4"], key.IPWhiteList);
        Assert.True(key.PermissionList!.ContainsKey("U2"));
    }

    [Theory]
    [InlineData("""{"MsgType":"U31","DepositListReqID":1,"DepositListGrp":[["abc"]]}""")]
    [InlineData("""{"MsgType":"U27","WithdrawListReqID":1,"WithdrawListGrp":[[1]]}""")]
    [InlineData("""{"MsgType":"U35","LedgerListReqID":1,"Columns":"LedgerID","LedgerListGrp":[[1]]}""")]
    [InlineData("""{"MsgType":"U51","APIKeyListReqID":1,"Columns":[1],"ApiKeyListGrp":[["k"]]}""")]
    public void Columns_missing_or_invalid_with_array_rows_is_an_error(string frame)
        => Assert.Equal(ProtocolErrorKind.InvalidField, ParseError(frame).Kind);

    [Fact]
    public void Empty_group_without_columns_is_fine_and_object_rows_are_accepted()
    {
        Assert.Empty(Parse<DepositListResponse>("""{"MsgType":"U31","DepositListReqID":1,"DepositListGrp":[]}""").DepositListGrp);
        var rows = Parse<WithdrawListResponse>("""{"MsgType":"U27","WithdrawListReqID":1,"WithdrawListGrp":[{"WithdrawID":3,"Method":"bitcoin"}]}""");
        Assert.Equal("bitcoin", rows.WithdrawListGrp[0].Method);
    }

    [Theory]
    [InlineData("365", "90800003")]
    [InlineData("\"365\"", "\"90800003\"")]
    public void Ids_are_read_as_number_or_string(string withdrawId, string userId)
    {
        var response = Parse<WithdrawListResponse>($$"""
            {"MsgType":"U27","WithdrawListReqID":"6695476","Columns":["WithdrawID","UserID","BrokerID","ClOrdID"],"WithdrawListGrp":[[{{withdrawId}},{{userId}},"5",617625]]}
            """);
        Assert.Equal(6695476, response.WithdrawListReqID);
        var row = response.WithdrawListGrp.Single();
        Assert.Equal(365, row.WithdrawID);
        Assert.Equal(90800003, row.UserID);
        Assert.Equal(5, row.BrokerID);
        Assert.Equal("617625", row.ClOrdID);
    }

    [Fact]
    public void Typed_rows_serialize_to_columns_and_back()
    {
        var response = new DepositListResponse
        {
            DepositListReqID = 5,
            Page = 0,
            PageSize = 20,
            DepositListGrp =
            [
                new Deposit { DepositID = "a", Status = DepositStatus.Complete, Value = Amount.FromSatoshis(10) },
                new Deposit { DepositID = "b", Currency = "BTC" },
            ],
        };
        var json = ProtocolSerializer.SerializeToString(response);
        Assert.Equal("""{"MsgType":"U31","DepositListReqID":5,"Page":0,"PageSize":20,"Columns":["DepositID","Value","Status","Currency"],"DepositListGrp":[["a",10,"4",null],["b",null,null,"BTC"]]}""", json);
        var again = RoundTrip(response);
        Assert.Equal(response.DepositListGrp, again.DepositListGrp);
    }
}
