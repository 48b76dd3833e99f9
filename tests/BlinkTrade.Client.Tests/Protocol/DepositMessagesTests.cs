using System.Text.Json;
using BlinkTrade.Client.Protocol;
using static BlinkTrade.Client.Tests.Protocol.ProtocolTestHelpers;

namespace BlinkTrade.Client.Tests.Protocol;

public sealed class DepositMessagesTests
{
    public static TheoryData<string> ExampleFiles => new()
    {
        "U18_DepositRequest.json", "U19_DepositResponse.json", "U20_DepositMethodsRequest.json", "U21_DepositMethodsResponse.json",
        "U23_DepositRefresh.json", "U30_DepositListRequest.json", "U31_DepositListResponse.json", "U48_DepositMethodRequest.json",
        "U49_DepositMethodResponse.json",
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
            Assert.Equal(json, ProtocolSerializer.SerializeToString(Parse(json)));
        }
    }

    [Fact]
    public void U19_crypto_deposit_fields()
    {
        var response = Parse<DepositResponse>(ExampleFrames("U19_DepositResponse.json").First());
        Assert.Equal(7302188, response.DepositReqID);
        Assert.Equal("2a6b5e322fd24574a4d9f988681a542f", response.Deposit.DepositID);
        Assert.Null(response.Deposit.DepositMethodID);
        Assert.Null(response.Deposit.ControlNumber);
        Assert.Equal("CRY", response.Deposit.Type);
        Assert.Equal(DepositStatus.Created, response.Deposit.Status);
        Assert.Equal(0m, response.Deposit.PercentFee);
        Assert.Equal("mjjVMr8WcYQwVGzYc8HpaRyAZc89ngTdKV", response.Deposit.Data!.Value.GetProperty("InputAddress").GetString());
        Assert.Equal(new DateTime(2016, 9, 3, 23, 8, 26, DateTimeKind.Utc), response.Deposit.Created);
        Assert.Equal("UNCONFIRMED", response.Deposit.State);
        Assert.Equal(Amount.Zero, response.Deposit.CreditProvided);
        Assert.False(response.IsNotFound);
    }

    [Fact]
    public void ToDeposit_and_ToWithdrawal_keep_unknown_fields()
    {
        var deposit = Parse<DepositRefresh>("""{"MsgType":"U23","DepositID":"x","Extra":1}""").Deposit;
        Assert.Equal("x", deposit.DepositID);
        Assert.Equal(1, deposit.ExtensionData!["Extra"].GetInt32());
        var withdrawal = Parse<WithdrawRefresh>("""{"MsgType":"U9","WithdrawID":"7","Extra":true}""").Withdrawal;
        Assert.Equal(7, withdrawal.WithdrawID);
        Assert.True(withdrawal.ExtensionData!["Extra"].GetBoolean());
    }

    [Fact]
    public void U19_not_found_has_numeric_DepositID()
    {
        var response = Parse<DepositResponse>("""{"MsgType":"U19","DepositID":-1}""");
        Assert.True(response.IsNotFound);
        Assert.Null(response.DepositReqID);
    }

    [Fact]
    public void U23_refresh_carries_the_deposit()
    {
        var refresh = Parse<DepositRefresh>(ExampleFrames("U23_DepositRefresh.json").Last());
        Assert.Equal(DepositStatus.Complete, refresh.Deposit.Status);
        Assert.Equal(Amount.FromSatoshis(50000000), refresh.Deposit.PaidValue);
        Assert.Equal(1, refresh.Deposit.Data!.Value.GetProperty("Confirmations").GetInt32());
    }

    [Fact]
    public void Reports_keep_the_entity_flat_on_the_wire_in_the_same_order()
    {
        const string u19 = """{"MsgType":"U19","DepositReqID":5,"DepositID":"x","Currency":"BTC","Value":100000000,"Extra":1}""";
        var response = Parse<DepositResponse>(u19);
        Assert.Equal(5, response.DepositReqID);
        Assert.Equal(Amount.FromDecimal(1m), response.Deposit.Value);
        Assert.Equal(["Extra"], response.Deposit.ExtensionData!.Keys);
        Assert.Null(response.ExtensionData);
        Assert.Equal(u19, ProtocolSerializer.SerializeToString(response));

        const string u71 = """{"MsgType":"U71","WithdrawCancelReqID":9,"WithdrawID":7,"Status":"8"}""";
        var cancelled = Parse<CancelWithdrawalResponse>(u71);
        Assert.Equal((9L, 7L), (cancelled.WithdrawCancelReqID, cancelled.Withdrawal.WithdrawID!.Value));
        Assert.Null(cancelled.Withdrawal.ExtensionData);
        Assert.Equal(u71, ProtocolSerializer.SerializeToString(cancelled));
        Assert.Equal("""{"MsgType":"U9","WithdrawID":7}""", ProtocolSerializer.SerializeToString(new WithdrawRefresh { Withdrawal = new Withdrawal { WithdrawID = 7 } }));

        const string u49 = """{"MsgType":"U49","DepositMethodReqID":3,"DepositMethodID":-1,"HtmlTemplate":"slip"}""";
        var method = Parse<DepositMethodResponse>(u49);
        Assert.True(method.IsNotFound);
        Assert.Equal((3L, "slip"), (method.DepositMethodReqID, method.DepositMethod.HtmlTemplate));
        Assert.Equal(u49, ProtocolSerializer.SerializeToString(method));

        var withExtra = new DepositRefresh
        {
            DepositReqID = 3,
            Deposit = new Deposit { DepositID = "x" },
            ExtensionData = new Dictionary<string, JsonElement> { ["Extra"] = JsonDocument.Parse("1").RootElement.Clone(), ["DepositReqID"] = JsonDocument.Parse("4").RootElement.Clone() },
        };
        Assert.Equal("""{"MsgType":"U23","DepositReqID":3,"DepositID":"x","Extra":1}""", ProtocolSerializer.SerializeToString(withExtra));
    }

    [Fact]
    public void A_bad_request_id_of_a_report_is_an_invalid_field_naming_it()
    {
        Assert.Equal(7302188, Parse<DepositResponse>("""{"MsgType":"U19","DepositReqID":"7302188"}""").DepositReqID);
        var error = ParseError("""{"MsgType":"U19","DepositReqID":{"x":1},"DepositID":"x"}""");
        Assert.Equal(ProtocolErrorKind.InvalidField, error.Kind);
        Assert.Contains("DepositReqID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void U18_request_forms_serialize_with_exact_names()
    {
        var request = new DepositRequest
        {
            DepositReqID = 3115044,
            DepositMethodID = 403,
            Value = Amount.FromDecimal(1500m),
            Currency = "BRL",
            BrokerID = 5,
            Instructions = [JsonDocument.Parse("""{"MsgType":"D","Side":"1"}""").RootElement],
        };
        Assert.Equal("""{"MsgType":"U18","DepositReqID":3115044,"DepositMethodID":403,"Currency":"BRL","Value":150000000000,"Instructions":[{"MsgType":"D","Side":"1"}],"BrokerID":5}""",
            ProtocolSerializer.SerializeToString(request));
        var parsed = Parse<DepositRequest>(ExampleFrames("U18_DepositRequest.json").ElementAt(3));
        Assert.Equal("CREDIT", parsed.Action);
        Assert.Equal(11, parsed.BrokerID);
    }

    [Fact]
    public void U21_methods_are_a_plain_array_with_limits_by_level()
    {
        var response = Parse<DepositMethodsResponse>(ExampleFrames("U21_DepositMethodsResponse.json").Single());
        var method = Assert.Single(response.DepositMethodGrp);
        Assert.Equal(501, method.DepositMethodID);
        Assert.Equal(Amount.FromSatoshis(500000000), method.FixedFee);
        Assert.False(method.DepositLimits!["0"].Enabled);
        Assert.Equal(Amount.FromSatoshis(280000000000), method.DepositLimits["3"].Max);
        Assert.Null(method.DepositLimits["5"].Max);
        var json = ProtocolSerializer.SerializeToString(response);
        Assert.DoesNotContain("Columns", json, StringComparison.Ordinal);
        Assert.Contains("\"3\":{\"enabled\":true,\"min\":1000000000,\"max\":280000000000}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void U49_method_detail_and_not_found()
    {
        var frames = ExampleFrames("U49_DepositMethodResponse.json").ToList();
        var detail = Parse<DepositMethodResponse>(frames[0]);
        Assert.Equal("<!DOCTYPE html><html>...</html>", detail.DepositMethod.HtmlTemplate);
        Assert.Equal(JsonValueKind.Object, detail.DepositMethod.Parameters!.Value.ValueKind);
        Assert.True(Parse<DepositMethodResponse>(frames[1]).IsNotFound);
        Assert.Equal("""{"MsgType":"U48","DepositMethodReqID":3346,"DepositMethodID":501}""",
            ProtocolSerializer.SerializeToString(new DepositMethodRequest { DepositMethodReqID = 3346, DepositMethodID = 501 }));
    }

    [Fact]
    public void U30_status_list_and_U31_rows()
    {
        var request = Parse<DepositListRequest>(ExampleFrames("U30_DepositListRequest.json").First());
        Assert.Equal([DepositStatus.Confirmed, DepositStatus.InProgress, DepositStatus.Complete, DepositStatus.Cancelled], request.StatusList);
        var frames = ExampleFrames("U31_DepositListResponse.json").ToList();
        var response = Parse<DepositListResponse>(frames[0]);
        var row = Assert.Single(response.DepositListGrp);
        Assert.Equal("8312c0f951ef44a393050dc399fb8698", row.DepositID);
        Assert.Equal(502000174, row.ControlNumber);
        Assert.Equal(1m, row.PercentFee);
        Assert.Equal("6351214", row.ClOrdID);
        Assert.Equal("UNCONFIRMED", row.State);
        Assert.Null(row.ExtensionData);
        Assert.Empty(Parse<DepositListResponse>(frames[1]).DepositListGrp);
    }
}
