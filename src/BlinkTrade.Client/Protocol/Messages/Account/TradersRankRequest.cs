using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U36</c> TradersRankRequest: the traders ranking (PROTOCOL.md §2.2).</summary>
public sealed record TradersRankRequest : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.TradersRankRequest;

    /// <summary>Correlation id echoed in the <see cref="TradersRankResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public required long TradersRankReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(TradersRankReqID), TradersRankReqID);

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(Filter), RecordText.List(Filter)));
}
