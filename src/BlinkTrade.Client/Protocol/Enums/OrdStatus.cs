using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Order status (FIX tag 39).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<OrdStatus>))]
public readonly partial record struct OrdStatus : IWireEnum<OrdStatus>
{
    /// <summary>New (resting, or an untriggered stop) (wire <c>"0"</c>).</summary>
    public static OrdStatus New { get; } = new("0");

    /// <summary>Partially filled (wire <c>"1"</c>).</summary>
    public static OrdStatus PartiallyFilled { get; } = new("1");

    /// <summary>Filled (wire <c>"2"</c>).</summary>
    public static OrdStatus Filled { get; } = new("2");

    /// <summary>Cancelled (possibly after partial fills) (wire <c>"4"</c>).</summary>
    public static OrdStatus Cancelled { get; } = new("4");

    /// <summary>Pending cancel (client-side only) (wire <c>"6"</c>).</summary>
    public static OrdStatus PendingCancel { get; } = new("6");

    /// <summary>Stopped (wire <c>"7"</c>).</summary>
    public static OrdStatus Stopped { get; } = new("7");

    /// <summary>Rejected (wire <c>"8"</c>).</summary>
    public static OrdStatus Rejected { get; } = new("8");

    /// <summary>Pending new (client-side only) (wire <c>"A"</c>).</summary>
    public static OrdStatus PendingNew { get; } = new("A");
}
