using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U33</c> TradeHistoryResponse: on the wire <c>Columns</c> + <c>TradeHistoryGrp</c> rows of arrays, newest first.</summary>
public sealed record TradeHistoryResponse : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.TradeHistoryResponse;

    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long TradeHistoryReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(TradeHistoryReqID), TradeHistoryReqID);

    /// <summary>Echo of the request's <c>Since</c>.</summary>
    public long? Since { get; init; }

    /// <summary>The trades.</summary>
    public IReadOnlyList<TradeHistoryEntry>? TradeHistoryGrp { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(Since), Since),
        (nameof(TradeHistoryGrp), RecordText.List(TradeHistoryGrp)));
}
