using System.Text.Json;
using BlinkTrade.Client.Protocol;
using static BlinkTrade.Client.Tests.Protocol.ProtocolTestHelpers;

namespace BlinkTrade.Client.Tests.Protocol;

public sealed class WithdrawMessagesTests
{
    public static TheoryData<string> ExampleFiles => new()
    {
        "U6_WithdrawRequest.json", "U7_WithdrawResponse.json", "U9_WithdrawRefresh.json", "U24_WithdrawConfirmationRequest.json",
        "U25_WithdrawConfirmationResponse.json", "U26_WithdrawListRequest.json", "U27_WithdrawListResponse.json",
        "U70_CancelWithdrawalRequest.json", "U71_CancelWithdrawalResponse.json", "U78_WithdrawCommentRequest.json",
        "U79_WithdrawCommentResponse.json",
    };

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_frames_parse_typed_and_round_trip(string file)
    {
        foreach (var frame in ExampleFrames(file))
        {
            var message = Parse(frame);
            Assert.IsNotType<UnknownMessage>(message);
            Assert.Null(message.ExtensionData);
            var json = ProtocolSerializer.SerializeToString(message);
            Assert.True(JsonEquals(frame.Replace("\"PercentFee\": 0.0", "\"PercentFee\": 0", StringComparison.Ordinal), json) || JsonEquals(json, ProtocolSerializer.SerializeToString(Parse(json))), json);
        }
    }

    [Fact]
    public void U6_data_object_is_written_as_an_object()
    {
        var request = new WithdrawRequest
        {
            WithdrawReqID = 617625,
            Currency = "BTC",
            Amount = Amount.FromSatoshis(100000),
            Method = "bitcoin",
            Data = JsonDocument.Parse("""{"Wallet":"2Mx3TZycg4XL5sQFfERBgNmg9Ma7uxowK9y"}""").RootElement,
            ClOrdID = "617625",
        };
        Assert.Equal("""{"MsgType":"U6","WithdrawReqID":617625,"Currency":"BTC","Amount":100000,"Method":"bitcoin","Data":{"Wallet":"2Mx3TZycg4XL5sQFfERBgNmg9Ma7uxowK9y"},"ClOrdID":"617625"}""",
            ProtocolSerializer.SerializeToString(request));
    }

    [Theory]
    [InlineData("""{"Wallet":"abc"}""")]
    [InlineData("""  "{\"Wallet\":\"abc\"}"  """)]
    [InlineData("""  "\"{\\\"Wallet\\\":\\\"abc\\\"}\""  """)]
    public void U6_data_is_accepted_as_object_or_json_encoded_string(string data)
    {
        var request = Parse<WithdrawRequest>($$"""{"MsgType":"U6","WithdrawReqID":1,"Currency":"BTC","Amount":1,"Method":"bitcoin","Data":{{data}}}""");
        Assert.Equal("abc", request.Data!.Value.GetProperty("Wallet").GetString());
        Assert.Contains("\"Data\":{\"Wallet\":\"abc\"}", ProtocolSerializer.SerializeToString(request), StringComparison.Ordinal);
    }

    [Fact]
    public void U6_data_string_that_is_not_json_is_kept_as_a_string()
    {
        var request = Parse<WithdrawRequest>("""{"MsgType":"U6","WithdrawReqID":1,"Currency":"BTC","Amount":1,"Method":"bitcoin","Data":"{not json"}""");
        Assert.Equal("{not json", request.Data!.Value.GetString());
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("\"123\"", "\"123\"")]
    [InlineData("\"\"", "\"\"")]
    [InlineData("[1,2]", "[1,2]")]
    [InlineData("\"[1,2]\"", "[1,2]")]
    public void Data_in_responses_and_rows_is_decoded_when_encoded(string data, string? expected)
    {
        var refresh = Parse<WithdrawRefresh>($$"""{"MsgType":"U9","WithdrawID":1,"Data":{{data}}}""");
        Assert.Equal(expected, refresh.Withdrawal.Data?.GetRawText());
        var deposits = Parse<DepositListResponse>($$"""{"MsgType":"U31","DepositListReqID":1,"Columns":["Data"],"DepositListGrp":[[{{data}}]]}""");
        Assert.Equal(expected, deposits.DepositListGrp[0].Data?.GetRawText());
    }

    [Fact]
    public void U6_missing_required_field_is_an_invalid_field()
        => Assert.Equal(ProtocolErrorKind.InvalidField, ParseError("""{"MsgType":"U6","WithdrawReqID":1,"Currency":"BTC","Amount":1}""").Kind);

    [Fact]
    public void U7_short_and_full_forms()
    {
        var frames = ExampleFrames("U7_WithdrawResponse.json").ToList();
        var shortForm = Parse<WithdrawResponse>(frames[0]);
        Assert.Equal(617625, shortForm.WithdrawReqID);
        Assert.Equal(546, shortForm.Withdrawal.WithdrawID);
        Assert.Equal(WithdrawStatus.Unconfirmed, shortForm.Withdrawal.Status);
        Assert.Null(shortForm.Withdrawal.Amount);

        var full = Parse<WithdrawResponse>(frames[1]);
        Assert.Equal(WithdrawStatus.Pending, full.Withdrawal.Status);
        Assert.Equal("", full.Withdrawal.SecondFactorType!.Value.Value);
        Assert.Equal(Amount.FromSatoshis(20000000000), full.Withdrawal.PaidAmount);
        Assert.Equal("4444-5", full.Withdrawal.Data!.Value.GetProperty("AccountNumber").GetString());
    }

    [Fact]
    public void U9_cancelled_with_reason()
    {
        var refresh = Parse<WithdrawRefresh>(ExampleFrames("U9_WithdrawRefresh.json").Last());
        Assert.Equal(WithdrawStatus.Cancelled, refresh.Withdrawal.Status);
        Assert.Equal(-1, refresh.Withdrawal.ReasonID);
        Assert.Equal(Amount.FromSatoshis(900010000), refresh.Withdrawal.PaidAmount);
    }

    [Fact]
    public void U24_both_forms_and_U25()
    {
        var frames = ExampleFrames("U24_WithdrawConfirmationRequest.json").ToList();
        Assert.Equal("0a1b2c3d4e5f60718293a4b5c6d7e8f9", Parse<WithdrawConfirmationRequest>(frames[0]).ConfirmationToken!.Value.Reveal());
        var second = Parse<WithdrawConfirmationRequest>(frames[1]);
        Assert.Equal(546, second.WithdrawID);
        Assert.Equal("492039", second.SecondFactor!.Value.Reveal());
        Assert.Contains("\"SecondFactor\":\"492039\"", ProtocolSerializer.SerializeToString(second), StringComparison.Ordinal);

        var failed = Parse<WithdrawConfirmationResponse>(ExampleFrames("U25_WithdrawConfirmationResponse.json").Last());
        Assert.Equal(1, failed.WithdrawReqID);
        Assert.Null(failed.Withdrawal.WithdrawID);
        Assert.Equal(WithdrawStatus.Unconfirmed, failed.Withdrawal.Status);
    }

    [Fact]
    public void U27_rows_keep_data_objects()
    {
        var response = Parse<WithdrawListResponse>(ExampleFrames("U27_WithdrawListResponse.json").Single());
        var row = Assert.Single(response.WithdrawListGrp);
        Assert.Equal(365, row.WithdrawID);
        Assert.Equal("฿ 0.00010000", row.Data!.Value.GetProperty("Fees").GetString());
        Assert.Null(row.ClOrdID);
        Assert.Equal(WithdrawStatus.Cancelled, row.Status);
        Assert.Equal([WithdrawStatus.Pending, WithdrawStatus.InProgress], Parse<WithdrawListRequest>(ExampleFrames("U26_WithdrawListRequest.json").Single()).StatusList);
    }

    [Fact]
    public void U70_U71_U78_U79()
    {
        Assert.Equal("""{"MsgType":"U70","WithdrawCancelReqID":1,"WithdrawID":546,"ClOrdID":"1"}""",
            ProtocolSerializer.SerializeToString(new CancelWithdrawalRequest { WithdrawCancelReqID = 1, WithdrawID = 546, ClOrdID = "1" }));
        var cancelled = Parse<CancelWithdrawalResponse>(ExampleFrames("U71_CancelWithdrawalResponse.json").Single());
        Assert.Equal(1, cancelled.WithdrawCancelReqID);
        Assert.Equal(WithdrawStatus.Cancelled, cancelled.Withdrawal.Status);
        Assert.Equal("""{"MsgType":"U78","WithdrawReqID":8812,"WithdrawID":546,"Message":"hi"}""",
            ProtocolSerializer.SerializeToString(new WithdrawCommentRequest { WithdrawReqID = 8812, WithdrawID = 546, Message = "hi" }));
        Assert.Equal(546, Parse<WithdrawCommentResponse>("""{"MsgType":"U79","WithdrawReqID":"8812","WithdrawID":"546"}""").WithdrawID);
    }
}
