using System.Text.Json;
using System.Text.Json.Serialization;

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
}

/// <summary><c>U37</c> TradersRankResponse: ranked traders (column-oriented <c>TradersRankGrp</c> on the wire).</summary>
/// <remarks>Engine-2015 echoes the id under <c>DepositListReqID</c> (PROTOCOL.md §5 G33); it then lands in
/// <see cref="BlinkTradeMessage.ExtensionData"/> and <see cref="TradersRankReqID"/> stays <see langword="null"/>.</remarks>
public sealed record TradersRankResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.TradersRankResponse;

    /// <summary>The request's correlation id.</summary>
    public long? TradersRankReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<TradersRankEntry> TradersRankGrp { get; init; } = [];
}

/// <summary>One row of a <see cref="TradersRankResponse"/>.</summary>
public sealed record TradersRankEntry
{
    /// <summary>1-based rank.</summary>
    public int? Rank { get; init; }

    /// <summary>Trader's username.</summary>
    public string? Trader { get; init; }

    /// <summary>Broker's username.</summary>
    public string? Broker { get; init; }

    /// <summary>The ranked amount (BTC balance).</summary>
    public Amount? Amount { get; init; }

    /// <summary>Columns this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
