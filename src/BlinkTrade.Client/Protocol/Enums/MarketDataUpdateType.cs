using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Market-data update type (FIX MDUpdateType, tag 265).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<MarketDataUpdateType>))]
public readonly record struct MarketDataUpdateType : IWireEnum<MarketDataUpdateType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public MarketDataUpdateType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Full refresh (wire <c>"0"</c>).</summary>
    public static MarketDataUpdateType FullRefresh { get; } = new("0");

    /// <summary>Incremental refresh (wire <c>"1"</c>).</summary>
    public static MarketDataUpdateType Incremental { get; } = new("1");

    /// <inheritdoc />
    public static WireEnumValues<MarketDataUpdateType> Values { get; } = new(
        (FullRefresh, nameof(FullRefresh)),
        (Incremental, nameof(Incremental)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static MarketDataUpdateType FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
