using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U34</c> LedgerListRequest: one page of the account ledger, newest first (PROTOCOL.md §2.2).</summary>
public sealed record LedgerListRequest : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.LedgerListRequest;

    /// <summary>Correlation id echoed in the <see cref="LedgerListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public required long LedgerListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(LedgerListReqID), LedgerListReqID);

    /// <summary>Only rows of this currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Only rows with this broker.</summary>
    public int? BrokerID { get; init; }

    /// <summary>The customer account a broker asks about.</summary>
    public long? ClientID { get; init; }

    /// <summary>Search terms matched against names, reference and (numeric terms) amounts.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(Currency), Currency),
        (nameof(BrokerID), BrokerID), (nameof(ClientID), ClientID), (nameof(Filter), RecordText.List(Filter)));
}
