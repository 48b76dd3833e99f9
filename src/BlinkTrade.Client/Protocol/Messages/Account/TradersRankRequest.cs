using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U36</c> TradersRankRequest: the traders ranking (PROTOCOL.md §2.2).</summary>
public sealed record TradersRankRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.TradersRankRequest;

    /// <summary>Correlation id echoed in the <see cref="TradersRankResponse"/>.</summary>
    public required long TradersRankReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(TradersRankReqID), TradersRankReqID), (nameof(Page), Page), (nameof(PageSize), PageSize), (nameof(Filter), RecordText.List(Filter)));
}
