using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U35</c> LedgerListResponse: one page of ledger rows (column-oriented <c>LedgerListGrp</c> on the wire).</summary>
public sealed record LedgerListResponse : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.LedgerListResponse;

    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long LedgerListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(LedgerListReqID), LedgerListReqID);

    /// <summary>The rows.</summary>
    public IReadOnlyList<LedgerEntry> LedgerListGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(LedgerListGrp), RecordText.List(LedgerListGrp)));
}
