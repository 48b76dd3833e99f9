using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Subscription request type (FIX tag 263).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<SubscriptionRequestType>))]
public readonly partial record struct SubscriptionRequestType : IWireEnum<SubscriptionRequestType>
{
    /// <summary>Snapshot only (wire <c>"0"</c>).</summary>
    public static SubscriptionRequestType Snapshot { get; } = new("0");

    /// <summary>Snapshot, then updates (wire <c>"1"</c>).</summary>
    public static SubscriptionRequestType SnapshotAndUpdates { get; } = new("1");

    /// <summary>Unsubscribe (no response) (wire <c>"2"</c>).</summary>
    public static SubscriptionRequestType Unsubscribe { get; } = new("2");
}
