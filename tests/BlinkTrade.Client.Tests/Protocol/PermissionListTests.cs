using System.Text.Json;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

public sealed class PermissionListTests
{
    [Fact]
    public void Round_trips_the_plain_wire_object()
    {
        const string json = """{"D":[["Side","eq","1","OrdType","eq","2"],["Side","eq","2"]],"U2":[],"U18":[["DepositMethodID","eq",501]]}""";
        var list = PermissionList.Parse(json);
        Assert.Equal(3, list.Count);
        Assert.Equal(2, list["D"].Count);
        Assert.Equal(6, list["D"][0].Count);
        Assert.Equal(JsonValueKind.Number, list["U18"][0][2].ValueKind);
        Assert.Empty(list["U2"]);
        Assert.False(list.IsAllowAll);
        Assert.Equal(json, list.ToString());
    }

    [Fact]
    public void Accepts_string_encoded_forms()
    {
        var once = PermissionList.Parse("\"{\\\"*\\\":[]}\"");
        Assert.True(once.IsAllowAll);
        Assert.Equal(PermissionList.AllowAll, once);
        var twice = PermissionList.Parse(JsonSerializer.Serialize(JsonSerializer.Serialize("""{"U2":[]}""")));
        Assert.True(twice.ContainsKey("U2"));
    }

    [Fact]
    public void Builder_produces_wire_values()
    {
        var list = new PermissionList()
            .Allow("D", PermissionList.Filter("Side", "eq", "1"), PermissionList.Filter("OrdType", "in", new[] { "1", "2" }))
            .Allow("U38", PermissionList.Filter("Fields.TwoFactorEnabled", "eq", false, "Verify", "eq", 3));
        Assert.Equal("""{"D":[["Side","eq","1"],["OrdType","in",["1","2"]]],"U38":[["Fields.TwoFactorEnabled","eq",false,"Verify","eq",3]]}""", list.ToString());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"D\":1}")]
    [InlineData("{\"D\":[1]}")]
    [InlineData("\"not json\"")]
    public void Rejects_other_shapes(string json)
        => Assert.ThrowsAny<JsonException>(() => PermissionList.Parse(json));
}
