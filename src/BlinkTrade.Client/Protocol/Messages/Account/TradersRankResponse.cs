using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U37</c> TradersRankResponse: ranked traders (column-oriented <c>TradersRankGrp</c> on the wire).</summary>
/// <remarks>Engine-2015 echoes the id under <c>DepositListReqID</c> (PROTOCOL.md §5 G33); it then lands in
/// <see cref="ProtocolRecord.ExtensionData"/> and <see cref="TradersRankReqID"/> stays <see langword="null"/>.</remarks>
[MessageType(MessageTypes.TradersRankResponse)]
public sealed partial record TradersRankResponse : PagedMessage
{
    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long? TradersRankReqID { get; init; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<TradersRankEntry> TradersRankGrp { get; init; } = [];
}
