namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The <see cref="RecordColumns{TRow}"/> of every row record of a column-oriented list (and of the entities
/// <see cref="EntityReportConverter{TMessage, TEntity}"/> flattens): one typed getter per serialized member, in the
/// metadata's order (checked: <see cref="RecordColumns{TRow}.IsValid"/>, and the tests compare their output with the
/// serializer's for every table).
/// </summary>
/// <remarks>
/// Each table is declared here as a partial property and written by the source generator
/// (<c>src/BlinkTrade.Client.Generators/RecordColumnsSource.cs</c>) from the row record's properties, so a member
/// added to a record reaches its columns without a third copy of the record's property list.
/// </remarks>
internal static partial class RecordColumnTables
{
    /// <summary>The rows of <see cref="OrderListEntry"/>.</summary>
    public static partial RecordColumns<OrderListEntry> Orders { get; }

    /// <summary>The rows of <see cref="TradeHistoryEntry"/>.</summary>
    public static partial RecordColumns<TradeHistoryEntry> Trades { get; }

    /// <summary>The rows of <see cref="LedgerEntry"/>.</summary>
    public static partial RecordColumns<LedgerEntry> Ledger { get; }

    /// <summary>The rows of <see cref="TradersRankEntry"/>.</summary>
    public static partial RecordColumns<TradersRankEntry> TradersRank { get; }

    /// <summary>The rows of <see cref="Deposit"/>.</summary>
    public static partial RecordColumns<Deposit> Deposits { get; }

    /// <summary>The rows of <see cref="Withdrawal"/>.</summary>
    public static partial RecordColumns<Withdrawal> Withdrawals { get; }

    /// <summary>The rows of <see cref="BrokerInfo"/>.</summary>
    public static partial RecordColumns<BrokerInfo> Brokers { get; }

    /// <summary>The rows of <see cref="ApiKeyListEntry"/>.</summary>
    public static partial RecordColumns<ApiKeyListEntry> ApiKeys { get; }

    /// <summary>The table of <typeparamref name="TRow"/>, or <see langword="null"/> when it has none or it does not match the metadata.</summary>
    public static RecordColumns<TRow>? Find<TRow>()
        where TRow : ProtocolRecord
        => (All.TryGetValue(typeof(TRow), out var table) ? table as RecordColumns<TRow> : null) is { IsValid: true } valid ? valid : null;

    /// <summary>Every table by row type (for lookups and the tests).</summary>
    internal static readonly IReadOnlyDictionary<Type, object> All = new Dictionary<Type, object>
    {
        [typeof(OrderListEntry)] = Orders,
        [typeof(TradeHistoryEntry)] = Trades,
        [typeof(LedgerEntry)] = Ledger,
        [typeof(TradersRankEntry)] = TradersRank,
        [typeof(Deposit)] = Deposits,
        [typeof(Withdrawal)] = Withdrawals,
        [typeof(BrokerInfo)] = Brokers,
        [typeof(ApiKeyListEntry)] = ApiKeys,
    };
}
