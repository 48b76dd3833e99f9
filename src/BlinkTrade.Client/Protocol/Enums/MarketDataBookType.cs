using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Market-data book type (FIX MDBookType, tag 1021).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<MarketDataBookType>))]
public readonly record struct MarketDataBookType : IWireEnum<MarketDataBookType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public MarketDataBookType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Top of book (wire <c>"1"</c>).</summary>
    public static MarketDataBookType TopOfBook { get; } = new("1");

    /// <summary>Price depth (wire <c>"2"</c>).</summary>
    public static MarketDataBookType PriceDepth { get; } = new("2");

    /// <summary>Order depth (what BlinkTrade sends) (wire <c>"3"</c>).</summary>
    public static MarketDataBookType OrderDepth { get; } = new("3");

    /// <inheritdoc />
    public static WireEnumValues<MarketDataBookType> Values { get; } = new(
        (TopOfBook, nameof(TopOfBook)),
        (PriceDepth, nameof(PriceDepth)),
        (OrderDepth, nameof(OrderDepth)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static MarketDataBookType FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
