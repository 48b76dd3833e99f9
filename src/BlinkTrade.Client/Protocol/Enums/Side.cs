using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Order side (FIX tag 54).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<Side>))]
public readonly record struct Side : IWireEnum<Side>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public Side(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Buy (wire <c>"1"</c>).</summary>
    public static Side Buy { get; } = new("1");

    /// <summary>Sell (wire <c>"2"</c>).</summary>
    public static Side Sell { get; } = new("2");

    /// <summary>Redeem (order lists only; not accepted by NewOrderSingle) (wire <c>"E"</c>).</summary>
    public static Side Redeem { get; } = new("E");

    /// <summary>Lend (order lists only) (wire <c>"F"</c>).</summary>
    public static Side Lend { get; } = new("F");

    /// <summary>Borrow (order lists only) (wire <c>"G"</c>).</summary>
    public static Side Borrow { get; } = new("G");

    /// <inheritdoc />
    public static WireEnumValues<Side> Values { get; } = new(
        (Buy, nameof(Buy)),
        (Sell, nameof(Sell)),
        (Redeem, nameof(Redeem)),
        (Lend, nameof(Lend)),
        (Borrow, nameof(Borrow)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static Side FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
