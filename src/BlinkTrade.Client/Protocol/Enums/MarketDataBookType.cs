using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Market-data book type (FIX MDBookType, tag 1021).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<MarketDataBookType>))]
public readonly partial record struct MarketDataBookType : IWireEnum<MarketDataBookType>
{
    /// <summary>Top of book (wire <c>"1"</c>).</summary>
    public static MarketDataBookType TopOfBook { get; } = new("1");

    /// <summary>Price depth (wire <c>"2"</c>).</summary>
    public static MarketDataBookType PriceDepth { get; } = new("2");

    /// <summary>Order depth (what BlinkTrade sends) (wire <c>"3"</c>).</summary>
    public static MarketDataBookType OrderDepth { get; } = new("3");
}
