using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>Records holding collections print their contents (bounded), never a collection's type name, and never a secret.</summary>
public sealed partial class RecordPrintingTests
{
    public static TheoryData<string> AllFiles() => ExampleCatalogueTests.AllFiles();

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Every_example_frame_prints_its_contents_not_type_names(string file)
    {
        foreach (var frame in ProtocolTestHelpers.ExampleFrames(file))
        {
            var text = ProtocolSerializer.Deserialize(Encoding.UTF8.GetBytes(frame)).ToString();
            Assert.DoesNotMatch(TypeName(), text);
        }
    }

    [Fact]
    public void Every_public_record_holding_a_collection_prints_every_member()
    {
        var checkedTypes = 0;
        foreach (var type in typeof(BlinkTradeMessage).Assembly.GetExportedTypes())
        {
            if (type.IsAbstract || type.GetMethod("<Clone>$") is null || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(ProtocolRecord.ExtensionData)).ToList();
            if (!properties.Any(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)))
            {
                continue;
            }
            var text = Activator.CreateInstance(type)!.ToString()!;
            Assert.StartsWith(type.Name + " { ", text, StringComparison.Ordinal);
            foreach (var property in properties)
            {
                Assert.True(Regex.Matches(text, $@"\b{property.Name} = ").Count == 1, $"{type.Name} prints {property.Name} once: {text}");
            }
            Assert.DoesNotMatch(TypeName(), text);
            checkedTypes++;
        }
        Assert.True(checkedTypes >= 30, $"{checkedTypes} record types checked");
    }

    [Fact]
    public void A_list_prints_its_rows_and_a_long_one_is_cut_with_a_count()
    {
        var response = new LedgerListResponse
        {
            LedgerListReqID = 7,
            Page = 0,
            LedgerListGrp = Enumerable.Range(1, 1000).Select(i => new LedgerEntry { LedgerID = i, Currency = "BTC" }).ToList(),
        };

        var text = response.ToString();

        Assert.StartsWith("LedgerListResponse { MsgType = U35, LedgerListReqID = 7, Page = 0, PageSize = , LedgerListGrp = [LedgerEntry { LedgerID = 1, Currency = BTC,",
            text, StringComparison.Ordinal);
        Assert.Contains("LedgerEntry { LedgerID = 10,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LedgerID = 11,", text, StringComparison.Ordinal);
        Assert.EndsWith(", … (+990 more)] }", text, StringComparison.Ordinal);
        Assert.Equal(RecordText.MaxItems, Regex.Matches(text, "LedgerEntry \\{").Count);
    }

    [Fact]
    public void Balances_print_per_broker_and_currency()
    {
        var brokers = new Dictionary<int, BrokerBalances>
        {
            [5] = new([new("BTC", new CurrencyBalance(Amount.FromDecimal(1.5m), Amount.FromDecimal(0.1m))), new("USD", new CurrencyBalance(Amount.FromDecimal(20m), null))]),
        };
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        Assert.Equal($"BalanceSnapshot {{ Brokers = {{ 5: BTC=1.5/0.1 USD=20 }}, Timestamp = {at} }}", new BalanceSnapshot(brokers, at).ToString());
        Assert.Equal("UserBalanceResponse { MsgType = U3, BalanceReqID = 3, ClientID = 90, Balances = { 5: BTC=1.5/0.1 USD=20 }, IsUpdate = False }",
            new UserBalanceResponse { BalanceReqID = 3, ClientID = 90, Balances = brokers }.ToString());
        Assert.Equal("BalanceSnapshot { Brokers = {}, Timestamp = " + at + " }", new BalanceSnapshot(new Dictionary<int, BrokerBalances>(), at).ToString());
    }

    [Fact]
    public void An_order_book_prints_its_orders()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var book = new OrderBookSnapshot("BTCUSD", [new OrderBookEntry(Price.FromDecimal(620m), Quantity.FromDecimal(0.5m), 11, 90, "5")], [], 3, true, at);

        Assert.Equal(
            "OrderBookSnapshot { Symbol = BTCUSD, Bids = [OrderBookEntry { Price = 620, Size = 0.5, OrderId = 11, UserId = 90, Broker = 5 }], Asks = [], "
            + $"Sequence = 3, IsReset = True, Timestamp = {at}, BestBid = OrderBookEntry {{ Price = 620, Size = 0.5, OrderId = 11, UserId = 90, Broker = 5 }}, BestAsk =  }}",
            book.ToString());
    }

    [Fact]
    public void Nested_dictionaries_print_their_contents()
    {
        var positions = new PositionResponse
        {
            PositionReqID = 1,
            Positions = new Dictionary<int, IReadOnlyDictionary<string, Amount>> { [5] = new Dictionary<string, Amount> { ["BTC"] = Amount.FromDecimal(-0.25m) } },
        };

        Assert.Equal("PositionResponse { MsgType = U43, PositionReqID = 1, ClientID = , Positions = { 5: { BTC: -0.25 } } }", positions.ToString());
    }

    [Fact]
    public void Secrets_stay_redacted_and_unknown_fields_print_by_name_only()
    {
        var created = new ApiKeyCreateResponse
        {
            APIKeyCreateReqID = 1,
            APIKey = "key",
            APISecret = "s3cr3t-value",
            IPWhiteList = ["203.0.113.7", "198.51.100.1"],
            ExtensionData = new Dictionary<string, JsonElement> { ["SomeNewToken"] = JsonDocument.Parse("\"hunter2\"").RootElement.Clone() },
        };

        var text = created.ToString();

        Assert.StartsWith("ApiKeyCreateResponse { MsgType = U53, ExtensionData = [SomeNewToken], APIKeyCreateReqID = 1,", text, StringComparison.Ordinal);
        Assert.Contains("APISecret = ***", text, StringComparison.Ordinal);
        Assert.Contains("IPWhiteList = [203.0.113.7, 198.51.100.1]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);

        var row = new LedgerEntry { LedgerID = 1, ExtensionData = new Dictionary<string, JsonElement> { ["Password"] = JsonDocument.Parse("\"hunter2\"").RootElement.Clone() } };
        Assert.StartsWith("LedgerEntry { ExtensionData = [Password], LedgerID = 1,", row.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", row.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_without_unknown_fields_prints_no_extension_data()
    {
        var request = new MarketDataRequest { MDReqID = 1, SubscriptionRequestType = SubscriptionRequestType.Snapshot, MarketDepth = 0, Instruments = ["BTCUSD"], MDEntryTypes = [MarketDataEntryType.Bid, MarketDataEntryType.Offer] };

        Assert.Equal(
            "MarketDataRequest { MsgType = V, MDReqID = 1, SubscriptionRequestType = Snapshot, MarketDepth = 0, MDUpdateType = , MDEntryTypes = [Bid, Offer], "
            + "Instruments = [BTCUSD], Columns = , BrokerID =  }",
            request.ToString());
    }

    // What the compiler's printer writes for a collection: a namespace-qualified or generic type name, or an array's.
    [GeneratedRegex(@"System\.|`\d|\w\[\]")]
    private static partial Regex TypeName();
}
