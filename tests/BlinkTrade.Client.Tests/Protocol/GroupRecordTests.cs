using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>Field-level checks of the session, orders, market-data, profile and brokers records.</summary>
public sealed class GroupRecordTests
{
    private static T Parse<T>(string json) where T : BlinkTradeMessage => ProtocolSerializer.Deserialize<T>(Encoding.UTF8.GetBytes(json));

    private static List<T> Examples<T>(string file) where T : BlinkTradeMessage
        => GroupExamplesTests.Frames(file).Select(Parse<T>).ToList();

    [Fact]
    public void UserRequest_factories_write_the_documented_wire_forms()
    {
        Assert.Equal("""{"MsgType":"BE","UserReqID":7,"BrokerID":5,"Username":"user","Password":"pw","UserReqTyp":"1","SecondFactor":"123456","CancelOnDisconnect":"1"}""",
            ProtocolSerializer.SerializeToString(UserRequest.Login(7, 5, "user", "pw", "123456", cancelOnDisconnect: true)));
        Assert.Equal("""{"MsgType":"BE","UserReqID":7,"BrokerID":5,"Username":"user","Password":"pw","UserReqTyp":"1","CancelOnDisconnect":"0"}""",
            ProtocolSerializer.SerializeToString(UserRequest.Login(7, 5, "user", "pw", cancelOnDisconnect: false)));
        Assert.Equal("""{"MsgType":"BE","UserReqID":8,"BrokerID":5,"Username":"user","UserReqTyp":"2"}""",
            ProtocolSerializer.SerializeToString(UserRequest.Logout(8, 5, "user")));
        Assert.Equal("""{"MsgType":"BE","UserReqID":9,"BrokerID":5,"Password":"old","UserReqTyp":"3","NewPassword":"new"}""",
            ProtocolSerializer.SerializeToString(UserRequest.ChangePassword(9, 5, "old", "new")));
    }

    [Fact]
    public void UserRequest_examples_keep_credentials_and_telemetry()
    {
        var frames = Examples<UserRequest>("BE_UserRequest.json");
        var login = frames[1];
        Assert.Equal(UserRequestType.Login, login.UserReqTyp);
        Assert.Equal("abc12345", login.Password!.Value.Reveal());
        Assert.Equal("123456", login.SecondFactor!.Value.Reveal());
        Assert.Equal("1", login.CancelOnDisconnect);
        Assert.Equal(180, login.UserAgentTimezoneOffset);
        Assert.Equal("177.97.245.78", login.STUNTIP!.Value.GetProperty("public")[0].GetString());
        Assert.DoesNotContain("abc12345", login.ToString(), StringComparison.Ordinal);
        Assert.Equal(UserRequestType.Logout, frames[2].UserReqTyp);
        Assert.Equal("n3wPassw0rd", frames[3].NewPassword!.Value.Reveal());
    }

    [Fact]
    public void UserResponse_examples()
    {
        var frames = Examples<UserResponse>("BF_UserResponse.json");
        var success = frames[0];
        Assert.True(success.IsLoggedIn);
        Assert.Equal(90800127, success.UserID);
        Assert.Equal(500, success.TakerTransactionFeeBuy);
        Assert.Null(success.WithdrawFixedFee);
        Assert.True(success.PermissionList!.IsAllowAll);
        Assert.Equal(5, success.Broker!.BrokerID);
        Assert.Equal(5, success.Broker.Ranking);
        Assert.Equal("BTC", success.Broker.CryptoCurrencies!.Value[0].GetProperty("CurrencyCode").GetString());
        Assert.Equal(VerificationLevel.Level1, success.Profile!.Verified);
        Assert.Equal("cesardeazevedo@outlook.com", success.Profile.Email);
        Assert.Null(success.Profile.ExtensionData);

        var apiKey = frames[1];
        Assert.Equal("hidden", apiKey.Username);
        Assert.False(apiKey.PermissionList!.IsAllowAll);
        Assert.Equal(2, apiKey.PermissionList["D"].Count);
        Assert.Equal("OrdType", apiKey.PermissionList["D"][1][3].GetString());

        Assert.Equal(UserStatus.Failed, frames[3].UserStatus);
        Assert.True(frames[3].NeedSecondFactor);
        Assert.Equal(SecondFactorType.Otp, frames[3].SecondFactorType);
        Assert.Null(frames[2].SecondFactorType);
        Assert.Equal(UserStatus.LoggedOut, frames[5].UserStatus);
        Assert.Equal(UserRequestType.ChangePassword, frames[6].UserReqTyp);
        Assert.True(frames[6].IsPasswordChanged);
        Assert.False(frames[7].IsPasswordChanged);
        Assert.DoesNotContain("IsLoggedIn", ProtocolSerializer.SerializeToString(success), StringComparison.Ordinal);
    }

    [Fact]
    public void Session_side_messages()
    {
        Assert.Equal("an0therPass", Examples<ProcessPasswordResetRequest>("U12_ProcessPasswordResetRequest.json")[0].NewPassword!.Value.Reveal());
        Assert.Equal(UserStatus.Failed, Examples<ProcessPasswordResetResponse>("U13_ProcessPasswordResetResponse.json")[1].UserStatus);
        Assert.Equal(1, Examples<PasswordResetResponse>("U11_CreatePasswordResetResponse.json")[0].Success);
        var twoFactor = Examples<TwoFactorResponse>("U17_EnableDisableTwoFactorAuthenticationResponse.json");
        Assert.Equal("WFTUFJUQSR6KTUBY", twoFactor[0].TwoFactorSecret!.Value.Reveal());
        Assert.DoesNotContain("WFTUFJUQSR6KTUBY", twoFactor[0].ToString(), StringComparison.Ordinal);
        Assert.True(twoFactor[1].TwoFactorEnabled);
        Assert.Equal("mynewpassword", Examples<Signup>("U0_Signup.json")[0].Password!.Value.Reveal());
    }

    [Fact]
    public void Order_cancel_forms()
    {
        Assert.Equal("""{"MsgType":"F","OrigClOrdID":"7","ClOrdID":"7"}""", ProtocolSerializer.SerializeToString(OrderCancelRequest.ByClOrdID("7")));
        Assert.Equal("""{"MsgType":"F","OrderID":1459028830812}""", ProtocolSerializer.SerializeToString(OrderCancelRequest.ByOrderID(1459028830812)));
        Assert.Equal("""{"MsgType":"F","Side":"2"}""", ProtocolSerializer.SerializeToString(OrderCancelRequest.All(Side.Sell)));
        Assert.Equal(Side.Buy, Examples<OrderCancelRequest>("F_OrderCancelRequest.json")[3].Side);
    }

    [Fact]
    public void Orders_list_rows_are_typed_and_written_back_as_columns()
    {
        var response = Examples<OrdersListResponse>("U5_OrdersListResponse.json")[0];
        var row = Assert.Single(response.OrdListGrp!);
        Assert.Equal("7891067", row.ClOrdID);
        Assert.Equal(OrdStatus.Filled, row.OrdStatus);
        Assert.Equal(665.63m, row.AvgPx.ToDecimal());
        Assert.Equal(66563000000, row.Volume!.Value.Satoshis); // sent as 66563000000.0
        Assert.Equal(new DateTime(2016, 7, 17, 18, 32, 21, DateTimeKind.Utc), row.OrderDate);
        Assert.Equal(TimeInForce.GoodTillCancel, row.TimeInForce);

        var json = ProtocolSerializer.SerializeToString(response);
        Assert.Contains("\"Columns\":[\"ClOrdID\",\"OrderID\",\"CumQty\"", json, StringComparison.Ordinal);
        Assert.Contains("\"OrdListGrp\":[[\"7891067\",1459028474127,100000000,\"2\"", json, StringComparison.Ordinal);

        var request = new OrdersListRequest { OrdersReqID = 1, Page = 0, PageSize = 20, Filter = [OrdersListRequest.OpenOrdersFilter] };
        Assert.Equal("""{"MsgType":"U4","OrdersReqID":1,"Page":0,"PageSize":20,"Filter":["has_leaves_qty eq 1"]}""", ProtocolSerializer.SerializeToString(request));
    }

    [Fact]
    public void Trade_history_rows_with_broker_columns_and_unknown_columns()
    {
        var broker = Examples<TradeHistoryResponse>("U33_TradeHistoryResponse.json")[1];
        Assert.Equal(2, broker.TradeHistoryGrp!.Count);
        Assert.Equal("cesaraugusto", broker.TradeHistoryGrp[0].BuyerUsername);
        Assert.Equal(0.3m, broker.TradeHistoryGrp[0].Size.ToDecimal());
        Assert.Equal(486600, broker.Since);

        var extra = Parse<TradeHistoryResponse>("""{"MsgType":"U33","TradeHistoryReqID":1,"Columns":["Fee","TradeID","Side"],"TradeHistoryGrp":[[5,1,"2"]]}""");
        var row = Assert.Single(extra.TradeHistoryGrp!);
        Assert.Equal(1, row.TradeID);
        Assert.Equal(Side.Sell, row.Side);
        Assert.Equal(5, row.ExtensionData!["Fee"].GetInt32());
    }

    [Fact]
    public void Market_data_request_and_reject()
    {
        var request = Parse<MarketDataRequest>("""{"MsgType":"V","MDReqID":1,"SubscriptionRequestType":"1","MarketDepth":"0","MDUpdateType":"1","MDEntryTypes":["0","1","2"],"Instruments":["BTCUSD"]}""");
        Assert.Equal(0, request.MarketDepth);
        Assert.Equal([MarketDataEntryType.Bid, MarketDataEntryType.Offer, MarketDataEntryType.Trade], request.MDEntryTypes!);
        Assert.Equal("""{"MsgType":"V","MDReqID":1,"SubscriptionRequestType":"1","MarketDepth":0,"MDUpdateType":"1","MDEntryTypes":["0","1","2"],"Instruments":["BTCUSD"]}""", ProtocolSerializer.SerializeToString(request));

        var reject = Examples<MarketDataRequestReject>("Y_MarketDataRequestReject.json")[1];
        Assert.Equal(MarketDataRequestRejectReason.UnknownSymbol, reject.MDReqRejReason);
        Assert.Equal("Unknown symbol BTCXXX", reject.Text);
    }

    [Fact]
    public void Full_refresh_holds_book_trades_and_the_volume_entry()
    {
        var snapshot = Examples<MarketDataFullRefresh>("W_MarketDataFullRefresh.json")[2];
        Assert.Equal(5, snapshot.MDFullGrp!.Count);
        Assert.Equal(MarketDataEntryType.Bid, snapshot.MDFullGrp[0].MDEntryType);
        Assert.Equal(new TimeOnly(4, 30, 1), snapshot.MDFullGrp[0].MDEntryTime);
        var trade = snapshot.MDFullGrp[3];
        Assert.Equal(16093, trade.TradeID);
        Assert.Equal(Side.Sell, trade.Side);
        var volume = snapshot.MDFullGrp[4];
        Assert.Equal(0.1m, volume.VolumeOf("BTC")!.Value.ToDecimal());
        Assert.Equal(61.95m, volume.VolumeOf("USD")!.Value.ToDecimal());
    }

    [Fact]
    public void Security_list_and_status()
    {
        var list = Examples<SecurityList>("y_SecurityList.json")[0];
        Assert.Equal("BTCUSD", Assert.Single(list.Instruments!).Symbol);
        Assert.Equal(2, list.Currencies!.Count);
        Assert.True(list.Currencies[0].IsCrypto);
        Assert.Equal(10000, list.Currencies[0].Pip);
        Assert.Equal("\u0e3f", list.Currencies[0].Sign);

        var status = Examples<Ticker>("f_SecurityStatus.json")[1];
        Assert.Equal(558.25m, status.QuoteVolume24h!.Value.ToDecimal());
        Assert.Equal(0.9m, status.BaseVolume24h!.Value.ToDecimal());
        Assert.DoesNotContain("QuoteVolume24h", ProtocolSerializer.SerializeToString(status), StringComparison.Ordinal);
        Assert.Equal(["BLINK:BTCUSD", "UOL:USDBRL"], Examples<SecurityStatusRequest>("e_SecurityStatusRequest.json")[1].Instruments!);
    }

    [Fact]
    public void Profile_update_fields_are_an_open_object()
    {
        var update = Examples<UpdateProfileRequest>("U38_UpdateProfile.json")[1];
        Assert.Equal(90800127, update.UserID);
        Assert.Equal(25, update.Fields!["TransactionFeeBuy"].GetInt32());

        var built = new UpdateProfileRequest
        {
            UpdateReqID = 1,
            Fields = new Dictionary<string, JsonElement> { ["TwoFactorEnabled"] = JsonElement.Parse("false") },
        };
        Assert.Equal("""{"MsgType":"U38","UpdateReqID":1,"Fields":{"TwoFactorEnabled":false}}""", ProtocolSerializer.SerializeToString(built));

        var response = Examples<UpdateProfileResponse>("U39_UpdateProfileResponse.json")[0];
        Assert.Equal(367266, response.UpdateReqID);
        Assert.Equal(0m, response.WithdrawPercentFee);
        Assert.Equal("USER", response.Profile!.Type);
        var refresh = Examples<ProfileRefresh>("U40_ProfileRefresh.json")[0];
        Assert.Equal(90800127, refresh.UserID);
    }

    [Fact]
    public void Broker_list_rows()
    {
        var response = Examples<BrokerListResponse>("U29_BrokerListResponse.json")[0];
        var broker = Assert.Single(response.BrokerListGrp!);
        Assert.Equal("exchange", broker.ShortName);
        Assert.Null(broker.PhoneNumber1);
        Assert.Equal(100, broker.TakerTransactionFeeSell);
        Assert.False(broker.IsBrokerHub);
        Assert.Equal("*", broker.AcceptCustomersFrom!.Value[0][0].GetString());
        Assert.Equal(10000, broker.WithdrawStructure!.Value.GetProperty("BTC")[0].GetProperty("fixed_fee").GetInt64());
        Assert.Equal(["1"], Examples<BrokerListRequest>("U28_BrokerListRequest.json")[1].StatusList!);
    }
}
