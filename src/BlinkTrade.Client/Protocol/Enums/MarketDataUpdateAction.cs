using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Incremental market-data action (FIX MDUpdateAction, tag 279).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<MarketDataUpdateAction>))]
public readonly record struct MarketDataUpdateAction : IWireEnum<MarketDataUpdateAction>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public MarketDataUpdateAction(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Insert at MDEntryPositionNo (wire <c>"0"</c>).</summary>
    public static MarketDataUpdateAction New { get; } = new("0");

    /// <summary>Replace at MDEntryPositionNo (wire <c>"1"</c>).</summary>
    public static MarketDataUpdateAction Change { get; } = new("1");

    /// <summary>Delete at MDEntryPositionNo (wire <c>"2"</c>).</summary>
    public static MarketDataUpdateAction Delete { get; } = new("2");

    /// <summary>Delete positions 1 through MDEntryPositionNo (wire <c>"3"</c>).</summary>
    public static MarketDataUpdateAction DeleteThru { get; } = new("3");

    /// <inheritdoc />
    public static WireEnumValues<MarketDataUpdateAction> Values { get; } = new(
        (New, nameof(New)),
        (Change, nameof(Change)),
        (Delete, nameof(Delete)),
        (DeleteThru, nameof(DeleteThru)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static MarketDataUpdateAction FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
