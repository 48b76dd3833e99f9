using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U37</c> TradersRankResponse: ranked traders (column-oriented <c>TradersRankGrp</c> on the wire).</summary>
/// <remarks>Engine-2015 echoes the id under <c>DepositListReqID</c> (PROTOCOL.md §5 G33); it then lands in
/// <see cref="ProtocolRecord.ExtensionData"/> and <see cref="TradersRankReqID"/> stays <see langword="null"/>.</remarks>
public sealed record TradersRankResponse : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.TradersRankResponse;

    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long? TradersRankReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(TradersRankReqID), TradersRankReqID);

    /// <summary>The rows.</summary>
    public IReadOnlyList<TradersRankEntry> TradersRankGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(TradersRankGrp), RecordText.List(TradersRankGrp)));
}
