using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Order type (FIX tag 40).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<OrdType>))]
public readonly partial record struct OrdType : IWireEnum<OrdType>
{
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
}
