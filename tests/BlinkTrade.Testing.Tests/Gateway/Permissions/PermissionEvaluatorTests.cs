using System.Text.Json;
using BlinkTrade.Testing.Gateway.Permissions;

namespace BlinkTrade.Testing.Tests.Gateway.Permissions;

/// <summary>The §4.1 matrix: each row is (PermissionList, message, expected).</summary>
public sealed class PermissionEvaluatorTests
{
    private const string BuyLimit = """{"MsgType":"D","ClOrdID":"1","Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":62000000000,"OrderQty":10000000}""";
    private const string SellMarket = """{"MsgType":"D","ClOrdID":"2","Symbol":"BTCUSD","Side":"2","OrdType":"1","OrderQty":10000000}""";
    private const string TwoLimits = """{"D":[["Side","eq","1","OrdType","eq","2"],["Side","eq","2","OrdType","eq","2"]]}""";

    public static TheoryData<string, string, bool> Matrix() => new()
    {
        // Wildcard, empty list, missing type.
        { """{"*":[]}""", BuyLimit, true },
        { """{"*":[["Side","eq","2"]]}""", BuyLimit, true },
        { """{"D":[]}""", BuyLimit, true },
        { """{"F":[]}""", BuyLimit, false },
        { """{}""", BuyLimit, false },
        // OR across filters, AND within one.
        { TwoLimits, BuyLimit, true },
        { TwoLimits, SellMarket, false },
        { """{"D":[["Side","eq","1","OrdType","eq","1"]]}""", BuyLimit, false },
        { """{"D":[["Side","eq","1","OrdType","eq","1"],["OrdType","eq","2"]]}""", BuyLimit, true },
        // eq / ne (ne passes when the field is absent).
        { """{"D":[["Symbol","eq","BTCUSD"]]}""", BuyLimit, true },
        { """{"D":[["Symbol","eq","BTCBRL"]]}""", BuyLimit, false },
        { """{"D":[["Symbol","ne","BTCBRL"]]}""", BuyLimit, true },
        { """{"D":[["Symbol","ne","BTCUSD"]]}""", BuyLimit, false },
        { """{"D":[["TimeInForce","ne","4"]]}""", BuyLimit, true },
        { """{"D":[["TimeInForce","eq","1"]]}""", BuyLimit, false },
        // in
        { """{"D":[["Side","in",["1","2"]]]}""", BuyLimit, true },
        { """{"D":[["Side","in",["2"]]]}""", BuyLimit, false },
        { """{"D":[["Side","in","1"]]}""", BuyLimit, false },
        // numeric comparisons (with numeric strings normalised).
        { """{"D":[["OrderQty","le",10000000]]}""", BuyLimit, true },
        { """{"D":[["OrderQty","lt",10000000]]}""", BuyLimit, false },
        { """{"D":[["OrderQty","ge","10000000"]]}""", BuyLimit, true },
        { """{"D":[["OrderQty","gt",10000000]]}""", BuyLimit, false },
        { """{"D":[["Price","gt",1]]}""", SellMarket, false },
        { """{"D":[["Side","eq",1]]}""", BuyLimit, true },
        // Unknown operator and malformed filters deny.
        { """{"D":[["Side","like","1"]]}""", BuyLimit, false },
        { """{"D":[["Side","eq"]]}""", BuyLimit, false },
        { """{"D":["Side"]}""", BuyLimit, false },
        { """{"D":[[]]}""", BuyLimit, false },
        { """{"D":{"Side":"1"}}""", BuyLimit, false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Evaluates_the_matrix(string permissionList, string message, bool expected)
    {
        using var list = JsonDocument.Parse(permissionList);
        using var msg = JsonDocument.Parse(message);
        var type = msg.RootElement.GetProperty("MsgType").GetString()!;

        Assert.Equal(expected, PermissionEvaluator.IsAllowed(list.RootElement, type, msg.RootElement));
    }

    [Theory]
    [InlineData("""{"Fields":{"TwoFactorEnabled":false,"EmailLang":"pt"}}""", """["Fields","has","EmailLang"]""", true)]
    [InlineData("""{"Fields":{"TwoFactorEnabled":false}}""", """["Fields","has","EmailLang"]""", false)]
    [InlineData("""{"Fields":{"TransactionFeeBuy":5}}""", """["Fields","has",["TransactionFeeSell","TransactionFeeBuy"]]""", true)]
    [InlineData("""{"Fields":{"TwoFactorEnabled":false}}""", """["Fields.TwoFactorEnabled","eq",false]""", true)]
    [InlineData("""{"Fields":{"TwoFactorEnabled":true}}""", """["Fields.TwoFactorEnabled","eq",false]""", false)]
    [InlineData("""{"Fields":{}}""", """["Fields.TwoFactorEnabled","ne",true]""", true)]
    [InlineData("""{"DepositMethodID":501}""", """["DepositMethodID","eq","501"]""", true)]
    [InlineData("""{"Fields":"text"}""", """["Fields","has","EmailLang"]""", false)]
    public void Supports_has_dotted_paths_and_numeric_strings(string body, string triple, bool expected)
    {
        using var msg = JsonDocument.Parse(body);
        using var list = JsonDocument.Parse($$"""{"U38":[{{triple}}]}""");

        Assert.Equal(expected, PermissionEvaluator.IsAllowed(list.RootElement, "U38", msg.RootElement));
    }

    [Fact]
    public void Password_logins_have_no_list_and_may_do_anything()
    {
        using var msg = JsonDocument.Parse(BuyLimit);
        Assert.True(PermissionEvaluator.IsAllowed(null, "D", msg.RootElement));
        Assert.True(PermissionEvaluator.AllowsPublication(null, "8"));
        Assert.True(PermissionEvaluator.HasAccountInfo(null));
    }

    [Theory]
    [InlineData("""{"*":[]}""", "U3", true)]
    [InlineData("""{"8":[],"D":[]}""", "8", true)]
    [InlineData("""{"8":[],"D":[]}""", "U3", false)]
    public void Publications_need_their_type_in_the_list(string permissionList, string msgType, bool expected)
    {
        using var list = JsonDocument.Parse(permissionList);
        Assert.Equal(expected, PermissionEvaluator.AllowsPublication(list.RootElement, msgType));
    }

    [Theory]
    [InlineData("""{"*":[]}""", true)]
    [InlineData("""{"BF":[],"D":[]}""", true)]
    [InlineData("""{"D":[]}""", false)]
    public void Account_info_needs_star_or_BF(string permissionList, bool expected)
    {
        using var list = JsonDocument.Parse(permissionList);
        Assert.Equal(expected, PermissionEvaluator.HasAccountInfo(list.RootElement));
    }
}
