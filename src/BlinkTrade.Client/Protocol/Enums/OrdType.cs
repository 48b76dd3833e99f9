using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Order type (FIX tag 40).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<OrdType>))]
public readonly record struct OrdType : IWireEnum<OrdType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public OrdType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Market: trades at any price, immediate-or-cancel (wire <c>"1"</c>).</summary>
    public static OrdType Market { get; } = new("1");

    /// <summary>Limit (wire <c>"2"</c>).</summary>
    public static OrdType Limit { get; } = new("2");

    /// <summary>Stop: a market order once the last trade reaches StopPx (wire <c>"3"</c>).</summary>
    public static OrdType Stop { get; } = new("3");

    /// <summary>Stop-limit: a limit order at Price once the last trade reaches StopPx (wire <c>"4"</c>).</summary>
    public static OrdType StopLimit { get; } = new("4");

    /// <summary>Pegged (accepted by validation, not supported by the engine) (wire <c>"P"</c>).</summary>
    public static OrdType Pegged { get; } = new("P");

    /// <summary>Swap (documented only) (wire <c>"G"</c>).</summary>
    public static OrdType Swap { get; } = new("G");

    /// <inheritdoc />
    public static WireEnumValues<OrdType> Values { get; } = new(
        (Market, nameof(Market)),
        (Limit, nameof(Limit)),
        (Stop, nameof(Stop)),
        (StopLimit, nameof(StopLimit)),
        (Pegged, nameof(Pegged)),
        (Swap, nameof(Swap)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static OrdType FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
