using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Subscription request type (FIX tag 263).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<SubscriptionRequestType>))]
public readonly record struct SubscriptionRequestType : IWireEnum<SubscriptionRequestType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public SubscriptionRequestType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Snapshot only (wire <c>"0"</c>).</summary>
    public static SubscriptionRequestType Snapshot { get; } = new("0");

    /// <summary>Snapshot, then updates (wire <c>"1"</c>).</summary>
    public static SubscriptionRequestType SnapshotAndUpdates { get; } = new("1");

    /// <summary>Unsubscribe (no response) (wire <c>"2"</c>).</summary>
    public static SubscriptionRequestType Unsubscribe { get; } = new("2");

    /// <inheritdoc />
    public static WireEnumValues<SubscriptionRequestType> Values { get; } = new(
        (Snapshot, nameof(Snapshot)),
        (SnapshotAndUpdates, nameof(SnapshotAndUpdates)),
        (Unsubscribe, nameof(Unsubscribe)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static SubscriptionRequestType FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
