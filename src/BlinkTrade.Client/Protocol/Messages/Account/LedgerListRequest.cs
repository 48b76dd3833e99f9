using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U34</c> LedgerListRequest: one page of the account ledger, newest first (PROTOCOL.md §2.2).</summary>
[MessageType(MessageTypes.LedgerListRequest)]
public sealed partial record LedgerListRequest : PagedMessage
{
    /// <summary>Correlation id echoed in the <see cref="LedgerListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public required long LedgerListReqID { get; init; }

    /// <summary>Only rows of this currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Only rows with this broker.</summary>
    public int? BrokerID { get; init; }

    /// <summary>The customer account a broker asks about.</summary>
    public long? ClientID { get; init; }

    /// <summary>Search terms matched against names, reference and (numeric terms) amounts.</summary>
    public IReadOnlyList<string>? Filter { get; init; }
}
