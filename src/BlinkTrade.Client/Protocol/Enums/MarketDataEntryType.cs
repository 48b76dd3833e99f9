using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Market-data entry type (FIX MDEntryType, tag 269).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<MarketDataEntryType>))]
public readonly record struct MarketDataEntryType : IWireEnum<MarketDataEntryType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public MarketDataEntryType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Bid (wire <c>"0"</c>).</summary>
    public static MarketDataEntryType Bid { get; } = new("0");

    /// <summary>Offer (ask) (wire <c>"1"</c>).</summary>
    public static MarketDataEntryType Offer { get; } = new("1");

    /// <summary>Trade (wire <c>"2"</c>).</summary>
    public static MarketDataEntryType Trade { get; } = new("2");

    /// <summary>Trading-session volume statistics (wire <c>"4"</c>).</summary>
    public static MarketDataEntryType TradingSessionStatistics { get; } = new("4");

    /// <inheritdoc />
    public static WireEnumValues<MarketDataEntryType> Values { get; } = new(
        (Bid, nameof(Bid)),
        (Offer, nameof(Offer)),
        (Trade, nameof(Trade)),
        (TradingSessionStatistics, nameof(TradingSessionStatistics)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static MarketDataEntryType FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
