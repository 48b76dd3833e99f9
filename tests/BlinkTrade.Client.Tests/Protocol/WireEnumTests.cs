using System.Text;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>FIX string enumerations keep unknown values instead of failing, and map known ones without allocating.</summary>
public sealed class WireEnumTests
{
    private static NewOrderSingle ParseOrder(string sideJson)
        => ProtocolSerializer.Deserialize<NewOrderSingle>(Encoding.UTF8.GetBytes("{\"MsgType\":\"D\",\"Side\":" + sideJson + "}"));

    [Fact]
    public void Known_values_parse_to_the_cached_instance()
    {
        var side = ParseOrder("\"2\"").Side;
        Assert.Equal(Side.Sell, side);
        Assert.True(side.IsKnown);
        Assert.Same(Side.Sell.Value, side.Value);
        Assert.Equal("Sell", side.ToString());
    }

    [Fact]
    public void Unknown_values_are_kept_raw_and_round_trip()
    {
        var order = ParseOrder("\"Q\"");
        Assert.False(order.Side.IsKnown);
        Assert.Equal("Q", order.Side.Value);
        Assert.Equal("Unknown(Q)", order.Side.ToString());
        Assert.Contains("\"Side\":\"Q\"", ProtocolSerializer.SerializeToString(order), StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_where_a_string_is_documented_is_accepted()
        => Assert.Equal(Side.Buy, ParseOrder("1").Side);

    [Fact]
    public void Escaped_strings_still_match_known_values()
        => Assert.Equal(Side.Buy, ParseOrder("\"\\u0031\"").Side);

    [Theory]
    [InlineData("{}")]
    [InlineData("[\"1\"]")]
    [InlineData("true")]
    public void Structured_values_are_invalid_fields(string value)
    {
        Assert.False(ProtocolSerializer.TryDeserialize(Encoding.UTF8.GetBytes("{\"MsgType\":\"D\",\"Side\":" + value + "}"), out _, out var error));
        Assert.Equal(ProtocolErrorKind.InvalidField, error!.Kind);
    }

    [Fact]
    public void Default_and_FromWire_behave()
    {
        Assert.Equal(string.Empty, default(OrdStatus).Value);
        Assert.False(default(OrdStatus).IsKnown);
        Assert.Equal(OrdStatus.Filled, OrdStatus.FromWire("2"));
        Assert.Equal(SecondFactorType.OtpAndEmail, SecondFactorType.FromWire("OTP+EMAIL"));
        Assert.Equal(new TimeInForce("9"), TimeInForce.FromWire("9"));
        Assert.Throws<ArgumentNullException>(() => new Side(null!));
        Assert.Equal(["Buy", "Sell", "Redeem", "Lend", "Borrow"], Side.Values.All.Select(v => v.ToString()));
    }
}
