using System.Text.Json.Serialization;
using System.Text.Json;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// One entry of <c>MDFullGrp</c> (<c>W</c>) or <c>MDIncGrp</c> (<c>X</c>): a book entry, a trade, or a volume entry
/// (PROTOCOL.md §2.4). Which fields are present depends on <see cref="MDEntryType"/> and <see cref="MDUpdateAction"/>.
/// The volume entry (<c>MDEntryType "4"</c>) has one key per currency (<c>{"BTC":…, "USD":…}</c>); those keys land in
/// <see cref="ProtocolRecord.ExtensionData"/> and are read with <see cref="VolumeOf"/>.
/// </summary>
[JsonConverter(typeof(MarketDataEntryJsonConverter))]
public sealed record MarketDataEntry : ProtocolRecord
{
    /// <summary>New, change, delete, delete-thru (X only).</summary>
    public MarketDataUpdateAction? MDUpdateAction { get; init; }

    /// <summary>Bid, offer, trade or volume statistics.</summary>
    public MarketDataEntryType MDEntryType { get; init; }

    /// <summary>Instrument (X entries and W trades).</summary>
    public string? Symbol { get; init; }

    /// <summary>1-based position within the side (book entries).</summary>
    public int? MDEntryPositionNo { get; init; }

    /// <summary>Entry id (= the order id for book entries).</summary>
    public long? MDEntryID { get; init; }

    /// <summary>Price.</summary>
    public Price? MDEntryPx { get; init; }

    /// <summary>Size: the order's leaves quantity, or the trade quantity.</summary>
    public Quantity? MDEntrySize { get; init; }

    /// <summary>Order creation or trade date.</summary>
    public DateOnly? MDEntryDate { get; init; }

    /// <summary>Order creation or trade time.</summary>
    public TimeOnly? MDEntryTime { get; init; }

    /// <summary>Order id (book entries), or the aggressor's order id (trades).</summary>
    public long? OrderID { get; init; }

    /// <summary>Owner account of a book entry.</summary>
    public long? UserID { get; init; }

    /// <summary>Broker username of a book entry, e.g. <c>exchange</c>.</summary>
    public string? Broker { get; init; }

    /// <summary>Owner username (visible to brokers only).</summary>
    public string? Username { get; init; }

    /// <summary>Trade id (trades).</summary>
    public long? TradeID { get; init; }

    /// <summary>Aggressor side (trades).</summary>
    public Side? Side { get; init; }

    /// <summary>The resting order's id (trades).</summary>
    public long? SecondaryOrderID { get; init; }

    /// <summary>Buyer account (trades).</summary>
    public long? MDEntryBuyerID { get; init; }

    /// <summary>Seller account (trades).</summary>
    public long? MDEntrySellerID { get; init; }

    /// <summary>Buyer username (brokers only).</summary>
    public string? MDEntryBuyer { get; init; }

    /// <summary>Seller username (brokers only).</summary>
    public string? MDEntrySeller { get; init; }

    /// <summary>The 1e8-scaled volume of <paramref name="currency"/> in a volume entry (<c>MDEntryType "4"</c>).</summary>
    /// <param name="currency">A currency code, e.g. <c>BTC</c>.</param>
    /// <returns>The volume, or <see langword="null"/> when absent or not an integer.</returns>
    public Amount? VolumeOf(string currency)
        => ExtensionData is not null && ExtensionData.TryGetValue(currency, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var satoshis)
            ? new Amount(satoshis)
            : null;
}
