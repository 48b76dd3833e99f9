using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Why a market-data request was rejected (FIX MDReqRejReason, tag 281).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<MarketDataRequestRejectReason>))]
public readonly partial record struct MarketDataRequestRejectReason : IWireEnum<MarketDataRequestRejectReason>
{
    /// <summary>Unknown symbol (wire <c>"0"</c>).</summary>
    public static MarketDataRequestRejectReason UnknownSymbol { get; } = new("0");

    /// <summary>Duplicate MDReqID (wire <c>"1"</c>).</summary>
    public static MarketDataRequestRejectReason DuplicateMDReqID { get; } = new("1");

    /// <summary>Insufficient bandwidth (wire <c>"2"</c>).</summary>
    public static MarketDataRequestRejectReason InsufficientBandwidth { get; } = new("2");

    /// <summary>Insufficient permissions (wire <c>"3"</c>).</summary>
    public static MarketDataRequestRejectReason InsufficientPermissions { get; } = new("3");

    /// <summary>Unsupported SubscriptionRequestType (wire <c>"4"</c>).</summary>
    public static MarketDataRequestRejectReason UnsupportedSubscriptionRequestType { get; } = new("4");

    /// <summary>Unsupported MarketDepth (wire <c>"5"</c>).</summary>
    public static MarketDataRequestRejectReason UnsupportedMarketDepth { get; } = new("5");

    /// <summary>Unsupported MDUpdateType (wire <c>"6"</c>).</summary>
    public static MarketDataRequestRejectReason UnsupportedMDUpdateType { get; } = new("6");

    /// <summary>Unsupported MDEntryType (wire <c>"8"</c>).</summary>
    public static MarketDataRequestRejectReason UnsupportedMDEntryType { get; } = new("8");
}
