using System.Text.Json;
using BlinkTrade.Client.Protocol;
using static BlinkTrade.Client.Tests.Protocol.ProtocolTestHelpers;

namespace BlinkTrade.Client.Tests.Protocol;

public sealed class AccountMessagesTests
{
    [Fact]
    public void U2_request_serializes_with_exact_names()
    {
        var json = ProtocolSerializer.SerializeToString(new UserBalanceRequest { BalanceReqID = 5821552, ClientID = 90800127 });
        Assert.Equal("""{"MsgType":"U2","BalanceReqID":5821552,"ClientID":90800127}""", json);
        Assert.Equal("""{"MsgType":"U2","BalanceReqID":1}""", ProtocolSerializer.SerializeToString(new UserBalanceRequest { BalanceReqID = 1 }));
    }

    [Theory]
    [InlineData("""{"MsgType":"U2","BalanceReqID":42}""")]
    [InlineData("""{"MsgType":"U2","BalanceReqID":"42"}""")]
    public void Request_ids_are_read_as_number_or_string(string frame)
        => Assert.Equal(42, Parse<UserBalanceRequest>(frame).BalanceReqID);

    [Fact]
    public void U3_with_several_brokers_total_and_locked()
    {
        var response = Parse<UserBalanceResponse>("""
            {"MsgType":"U3","5":{"BTC_locked":505000000,"USD":560047769123,"BTC":2430523267,"USD_locked":2472100000},
             "ClientID":90800127,"BalanceReqID":5821551,"11":{"BRL":100}}
            """);
        Assert.Equal(5821551, response.BalanceReqID);
        Assert.Equal(90800127, response.ClientID);
        Assert.False(response.IsUpdate);
        Assert.Equal(2, response.Balances.Count);
        var btc = response.Balances[5]["BTC"];
        Assert.Equal(Amount.FromSatoshis(2430523267), btc.Total);
        Assert.Equal(Amount.FromSatoshis(505000000), btc.Locked);
        Assert.Equal(Amount.FromSatoshis(2430523267 - 505000000), btc.Available);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(100), null), response.Balances[11]["BRL"]);
        Assert.Null(response.Balances[11]["BRL"].Available);
        Assert.Null(response.ExtensionData);
    }

    [Fact]
    public void U3_partial_delta_has_no_request_id_and_only_changed_parts()
    {
        var delta = Parse<UserBalanceResponse>("""{"MsgType":"U3","ClientID":90800127,"5":{"USD":529047769123,"USD_locked":21102100000}}""");
        Assert.True(delta.IsUpdate);
        Assert.Null(delta.BalanceReqID);
        Assert.Single(delta.Balances[5]);
        Assert.False(delta.Balances[5].ContainsKey("BTC"));

        var lockedOnly = Parse<UserBalanceResponse>("""{"MsgType":"U3","5":{"BTC_locked":1000}}""");
        var btc = lockedOnly.Balances[5]["BTC"];
        Assert.Null(btc.Total);
        Assert.Equal(Amount.FromSatoshis(1000), btc.Locked);
        Assert.Null(btc.Available);
    }

    [Fact]
    public void U3_currency_keys_escaped_non_ascii_bare_suffix_and_null_read_as_written()
    {
        var response = Parse<UserBalanceResponse>("""
            {"MsgType":"U3","5":{"B\u0054C":7,"BTC\u005flocked":3,"_locked":5,"R$":9,"R$_locked":1,"\u20ac_locked":2,"ETH":null,"ETH_locked":4,"XBT_lockedX":6}}
            """);
        var balances = response.Balances[5];
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(7), Amount.FromSatoshis(3)), balances["BTC"]);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(5), null), balances["_locked"]);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(9), Amount.FromSatoshis(1)), balances["R$"]);
        Assert.Equal(new CurrencyBalance(null, Amount.FromSatoshis(2)), balances["\u20ac"]);
        Assert.Equal(new CurrencyBalance(null, Amount.FromSatoshis(4)), balances["ETH"]);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(6), null), balances["XBT_lockedX"]);
        Assert.Equal(6, balances.Count);
    }

    [Fact]
    public void U3_deltas_merge_into_a_snapshot()
    {
        var snapshot = Parse<UserBalanceResponse>("""{"MsgType":"U3","BalanceReqID":1,"5":{"BTC":10,"BTC_locked":2,"USD":500,"USD_locked":0}}""").Balances[5];
        var delta = Parse<UserBalanceResponse>("""{"MsgType":"U3","5":{"USD":400,"BTC_locked":1}}""").Balances[5];
        var merged = snapshot.Apply(delta);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(10), Amount.FromSatoshis(1)), merged["BTC"]);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(400), Amount.FromSatoshis(0)), merged["USD"]);
    }

    [Fact]
    public void U3_negative_values_are_legal()
    {
        var response = Parse<UserBalanceResponse>("""{"MsgType":"U3","4":{"BRL":"0","BRL_locked":-1}}""");
        var brl = response.Balances[4]["BRL"];
        Assert.Equal(Amount.FromSatoshis(-1), brl.Locked);
        Assert.Equal(Amount.FromSatoshis(1), brl.Available);
    }

    [Fact]
    public void U3_broker_keys_escaped_repeated_and_out_of_range_read_as_written()
    {
        var response = Parse<UserBalanceResponse>("""
            {"Msg\u0054ype":"U3","\u0035":{"BTC":1},"Client\u0049D":9,"5":{"USD":2},"2147483647":{"BTC":3},"2147483648":{"BTC":4},"-5":{"BTC":5},"5":{"BTC":6}}
            """);
        Assert.Equal(9, response.ClientID);
        Assert.Equal(2, response.Balances.Count);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(6), null), response.Balances[5]["BTC"]);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(2), null), response.Balances[5]["USD"]);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(3), null), response.Balances[int.MaxValue]["BTC"]);
        Assert.Equal(["2147483648", "-5"], response.ExtensionData!.Keys.Order(StringComparer.Ordinal).Reverse());

        var single = Parse<UserBalanceResponse>("""{"MsgType":"U3","5":{"BTC":1},"5":{"BTC_locked":2},"7":8}""");
        Assert.Equal([5], single.Balances.Keys);
        Assert.Equal(new CurrencyBalance(Amount.FromSatoshis(1), Amount.FromSatoshis(2)), single.Balances[5]["BTC"]);
        Assert.Equal(8, single.ExtensionData!["7"].GetInt32());
        Assert.Empty(Parse<UserBalanceResponse>("""{"MsgType":"U3","ClientID":1}""").Balances);
    }

    [Fact]
    public void U3_unknown_and_non_object_keys_go_to_extension_data_and_round_trip()
    {
        const string frame = """{"MsgType":"U3","BalanceReqID":"7","7":12,"Brand":"x","05":{"BTC":1},"Meta":{"a":1},"5":{"BTC":3,"ETH_locked":4}}""";
        var response = Parse<UserBalanceResponse>(frame);
        Assert.Equal(7, response.BalanceReqID);
        Assert.Single(response.Balances);
        Assert.NotNull(response.ExtensionData);
        Assert.Equal(["7", "Brand", "05", "Meta"], response.ExtensionData!.Keys.OrderBy(k => frame.IndexOf($"\"{k}\"", StringComparison.Ordinal)));
        Assert.Equal(12, response.ExtensionData["7"].GetInt32());

        var json = ProtocolSerializer.SerializeToString(response);
        Assert.True(JsonEquals("""{"MsgType":"U3","BalanceReqID":7,"5":{"BTC":3,"ETH_locked":4},"7":12,"Brand":"x","05":{"BTC":1},"Meta":{"a":1}}""", json), json);
        var again = RoundTrip(response);
        Assert.Equal(response.Balances[5]["BTC"], again.Balances[5]["BTC"]);
        Assert.Equal(response.Balances[5]["ETH"], again.Balances[5]["ETH"]);
    }

    [Fact]
    public void U3_built_in_code_serializes_to_the_wire_shape()
    {
        var message = new UserBalanceResponse
        {
            ClientID = 90800127,
            Balances = new Dictionary<int, BrokerBalances>
            {
                [5] = new([new("BTC", new CurrencyBalance(Amount.FromSatoshis(2480523267), null)), new("USD", new CurrencyBalance(Amount.FromSatoshis(1), Amount.FromSatoshis(-1)))]),
            },
        };
        Assert.Equal("""{"MsgType":"U3","ClientID":90800127,"5":{"BTC":2480523267,"USD":1,"USD_locked":-1}}""", ProtocolSerializer.SerializeToString(message));
    }

    [Theory]
    [InlineData("""{"MsgType":"U3","5":{"BTC":{"x":1}}}""")]
    [InlineData("""{"MsgType":"U3","5":{"BTC":"abc"}}""")]
    [InlineData("""{"MsgType":"U3","BalanceReqID":{"x":1}}""")]
    public void U3_ill_typed_values_are_invalid_fields(string frame)
        => Assert.Equal(ProtocolErrorKind.InvalidField, ParseError(frame).Kind);

    [Fact]
    public void U3_and_U43_example_files_parse_and_round_trip()
    {
        foreach (var frame in ExampleFrames("U3_UserBalanceResponse.json"))
        {
            var message = Parse<UserBalanceResponse>(frame);
            Assert.NotEmpty(message.Balances);
            Assert.True(JsonEquals(frame, ProtocolSerializer.SerializeToString(message)));
        }
        foreach (var frame in ExampleFrames("U43_PositionResponse.json"))
        {
            var message = Parse<PositionResponse>(frame);
            Assert.Equal(Amount.Zero, message.Positions[5]["BTC"]);
            Assert.True(JsonEquals(frame, ProtocolSerializer.SerializeToString(message)));
        }
    }

    [Fact]
    public void U43_several_brokers_and_extension()
    {
        var message = Parse<PositionResponse>("""{"MsgType":"U43","PositionReqID":"4471123","ClientID":1,"5":{"BTC":-5},"9":{},"x":[1]}""");
        Assert.Equal(4471123, message.PositionReqID);
        Assert.Equal(Amount.FromSatoshis(-5), message.Positions[5]["BTC"]);
        Assert.Empty(message.Positions[9]);
        Assert.Equal(JsonValueKind.Array, message.ExtensionData!["x"].ValueKind);
        Assert.True(JsonEquals("""{"MsgType":"U43","PositionReqID":4471123,"ClientID":1,"5":{"BTC":-5},"9":{},"x":[1]}""", ProtocolSerializer.SerializeToString(message)));
    }

    [Fact]
    public void U35_ledger_rows_are_typed()
    {
        var frames = ExampleFrames("U35_LedgerListResponse.json").ToList();
        var response = Parse<LedgerListResponse>(frames[1]);
        Assert.Equal(5219414, response.LedgerListReqID);
        Assert.Equal(3, response.LedgerListGrp.Count);
        var row = response.LedgerListGrp[0];
        Assert.Equal(136520, row.LedgerID);
        Assert.Equal(LedgerOperation.Debit, row.Operation);
        Assert.Equal(LedgerDescription.Trade, row.Description);
        Assert.Equal(Amount.FromSatoshis(31000000000), row.Amount);
        Assert.Equal(new DateTime(2016, 9, 7, 4, 40, 12, DateTimeKind.Utc), row.Created);
        Assert.Equal("cesaraugusto", row.AccountName);
        Assert.Null(row.PayeeName);
        foreach (var frame in frames)
        {
            Assert.Equal(ProtocolSerializer.SerializeToString(Parse(frame)), ProtocolSerializer.SerializeToString(RoundTrip(Parse<LedgerListResponse>(frame))));
        }
    }

    [Fact]
    public void U34_and_U36_requests_and_U37_rank()
    {
        Assert.Equal("""{"MsgType":"U34","LedgerListReqID":1,"Page":0,"PageSize":1,"Currency":"BTC","BrokerID":4}""",
            ProtocolSerializer.SerializeToString(Parse(ExampleFrames("U34_LedgerListRequest.json").Last())));
        var request = Parse<TradersRankRequest>(ExampleFrames("U36_TradersRankRequest.json").Single());
        Assert.Equal(3321, request.TradersRankReqID);
        var rank = Parse<TradersRankResponse>(ExampleFrames("U37_TradersRankResponse.json").Single());
        Assert.Equal(3321, rank.TradersRankReqID);
        Assert.Equal(2, rank.TradersRankGrp.Count);
        Assert.Equal(new TradersRankEntry { Rank = 2, Trader = "cesaraugusto", Broker = "exchange", Amount = Amount.FromSatoshis(2430523267) }, rank.TradersRankGrp[1]);
        var json = ProtocolSerializer.SerializeToString(rank);
        Assert.Contains("\"Columns\":[\"Rank\",\"Trader\",\"Broker\",\"Amount\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void U42_request()
        => Assert.Equal("""{"MsgType":"U42","PositionReqID":4471123}""", ProtocolSerializer.SerializeToString(new PositionRequest { PositionReqID = 4471123 }));

    [Fact]
    public void U3_random_balances_round_trip_exactly()
    {
        var random = new Random(20261121);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var brokers = new Dictionary<int, BrokerBalances>();
            for (var b = random.Next(0, 4); b > 0; b--)
            {
                var currencies = new List<KeyValuePair<string, CurrencyBalance>>();
                for (var c = random.Next(0, 5); c > 0; c--)
                {
                    var code = new string([(char)('A' + random.Next(26)), (char)('A' + random.Next(26)), (char)('A' + random.Next(26))]);
                    Amount? total = random.Next(3) == 0 ? null : Amount.FromSatoshis(random.NextInt64(long.MinValue, long.MaxValue));
                    Amount? locked = random.Next(3) == 0 ? null : Amount.FromSatoshis(random.NextInt64(-10, long.MaxValue));
                    if (total is null && locked is null)
                    {
                        continue;
                    }
                    currencies.Add(new(code, new CurrencyBalance(total, locked)));
                }
                brokers[random.Next(0, 100_000)] = new BrokerBalances(currencies);
            }
            var message = new UserBalanceResponse
            {
                BalanceReqID = random.Next(2) == 0 ? null : random.NextInt64(1, long.MaxValue),
                ClientID = random.Next(2) == 0 ? null : random.NextInt64(1, 100_000_000),
                Balances = brokers,
            };
            var again = RoundTrip(message);
            Assert.Equal(message.BalanceReqID, again.BalanceReqID);
            Assert.Equal(message.ClientID, again.ClientID);
            Assert.Equal(brokers.Keys, again.Balances.Keys);
            foreach (var (brokerId, balances) in brokers)
            {
                Assert.Equal(balances.OrderBy(p => p.Key, StringComparer.Ordinal), again.Balances[brokerId].OrderBy(p => p.Key, StringComparer.Ordinal));
            }
            Assert.Null(again.ExtensionData);
        }
    }
}
