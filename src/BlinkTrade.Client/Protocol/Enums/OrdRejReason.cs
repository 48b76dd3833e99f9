using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Order reject reason (FIX 4.4 tag 103).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<OrdRejReason>))]
public readonly partial record struct OrdRejReason : IWireEnum<OrdRejReason>
{
    /// <summary>Broker or exchange option (wire <c>"0"</c>).</summary>
    public static OrdRejReason BrokerOption { get; } = new("0");

    /// <summary>Unknown symbol (wire <c>"1"</c>).</summary>
    public static OrdRejReason UnknownSymbol { get; } = new("1");

    /// <summary>Exchange closed (wire <c>"2"</c>).</summary>
    public static OrdRejReason ExchangeClosed { get; } = new("2");

    /// <summary>Order exceeds limit: insufficient available balance, or below the minimum size (wire <c>"3"</c>).</summary>
    public static OrdRejReason OrderExceedsLimit { get; } = new("3");

    /// <summary>Too late to enter (wire <c>"4"</c>).</summary>
    public static OrdRejReason TooLateToEnter { get; } = new("4");

    /// <summary>Unknown order (wire <c>"5"</c>).</summary>
    public static OrdRejReason UnknownOrder { get; } = new("5");

    /// <summary>Duplicate order (a live order already uses this ClOrdID) (wire <c>"6"</c>).</summary>
    public static OrdRejReason DuplicateOrder { get; } = new("6");

    /// <summary>Other (see Text) (wire <c>"99"</c>).</summary>
    public static OrdRejReason Other { get; } = new("99");
}
