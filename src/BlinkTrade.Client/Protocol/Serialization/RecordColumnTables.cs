namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The <see cref="RecordColumns{TRow}"/> of every row record of a column-oriented list (and of the entities
/// <see cref="EntityReportConverter{TMessage, TEntity}"/> flattens): one typed getter per serialized member, in the
/// metadata's order (checked: <see cref="RecordColumns{TRow}.IsValid"/>, and the tests compare their output with the
/// serializer's for every table).
/// </summary>
internal static class RecordColumnTables
{
    private static ProtocolJsonContext Context => ProtocolJsonContext.Default;

    /// <summary>The rows of <see cref="OrderListEntry"/>.</summary>
    public static readonly RecordColumns<OrderListEntry> Orders = new RecordColumns<OrderListEntry>(Context.OrderListEntry)
        .Add(static r => r.ClOrdID)
        .Add(static r => r.OrderID)
        .Add(static r => r.CumQty)
        .Add(static r => r.OrdStatus)
        .Add(static r => r.LeavesQty)
        .Add(static r => r.CxlQty)
        .Add(static r => r.AvgPx)
        .Add(static r => r.Symbol)
        .Add(static r => r.Side)
        .Add(static r => r.OrdType)
        .Add(static r => r.OrderQty)
        .Add(static r => r.Price)
        .Add(static r => r.OrderDate)
        .Add(static r => r.Volume)
        .Add(static r => r.TimeInForce);

    /// <summary>The rows of <see cref="TradeHistoryEntry"/>.</summary>
    public static readonly RecordColumns<TradeHistoryEntry> Trades = new RecordColumns<TradeHistoryEntry>(Context.TradeHistoryEntry)
        .Add(static r => r.TradeID)
        .Add(static r => r.Market)
        .Add(static r => r.Side)
        .Add(static r => r.Price)
        .Add(static r => r.Size)
        .Add(static r => r.Buyer)
        .Add(static r => r.Seller)
        .Add(static r => r.Created)
        .Add(static r => r.BuyerUsername)
        .Add(static r => r.SellerUsername);

    /// <summary>The rows of <see cref="LedgerEntry"/>.</summary>
    public static readonly RecordColumns<LedgerEntry> Ledger = new RecordColumns<LedgerEntry>(Context.LedgerEntry)
        .Add(static r => r.LedgerID)
        .Add(static r => r.Currency)
        .Add(static r => r.Operation)
        .Add(static r => r.AccountID)
        .Add(static r => r.BrokerID)
        .Add(static r => r.PayeeID)
        .Add(static r => r.PayeeBrokerID)
        .Add(static r => r.Amount)
        .Add(static r => r.Balance)
        .Add(static r => r.Reference)
        .Add(static r => r.Created)
        .Add(static r => r.Description)
        .Add(static r => r.AccountName)
        .Add(static r => r.PayeeName);

    /// <summary>The rows of <see cref="TradersRankEntry"/>.</summary>
    public static readonly RecordColumns<TradersRankEntry> TradersRank = new RecordColumns<TradersRankEntry>(Context.TradersRankEntry)
        .Add(static r => r.Rank)
        .Add(static r => r.Trader)
        .Add(static r => r.Broker)
        .Add(static r => r.Amount);

    /// <summary>The rows of <see cref="Deposit"/>.</summary>
    public static readonly RecordColumns<Deposit> Deposits = new RecordColumns<Deposit>(Context.Deposit)
        .Add(static r => r.DepositID)
        .Add(static r => r.DepositMethodID)
        .Add(static r => r.DepositMethodName)
        .Add(static r => r.UserID)
        .Add(static r => r.AccountID)
        .Add(static r => r.BrokerID)
        .Add(static r => r.Username)
        .Add(static r => r.ControlNumber)
        .Add(static r => r.Type)
        .Add(static r => r.Currency)
        .Add(static r => r.Value)
        .Add(static r => r.PaidValue)
        .Add(static r => r.Data)
        .Add(static r => r.Created)
        .Add(static r => r.Status)
        .Add(static r => r.ReasonID)
        .Add(static r => r.Reason)
        .Add(static r => r.PercentFee)
        .Add(static r => r.FixedFee)
        .Add(static r => r.ClOrdID)
        .Add(static r => r.State)
        .Add(static r => r.CreditProvided);

    /// <summary>The rows of <see cref="Withdrawal"/>.</summary>
    public static readonly RecordColumns<Withdrawal> Withdrawals = new RecordColumns<Withdrawal>(Context.Withdrawal)
        .Add(static r => r.WithdrawID)
        .Add(static r => r.UserID)
        .Add(static r => r.BrokerID)
        .Add(static r => r.Username)
        .Add(static r => r.Method)
        .Add(static r => r.Currency)
        .Add(static r => r.Amount)
        .Add(static r => r.Data)
        .Add(static r => r.Created)
        .Add(static r => r.Status)
        .Add(static r => r.ReasonID)
        .Add(static r => r.Reason)
        .Add(static r => r.PercentFee)
        .Add(static r => r.FixedFee)
        .Add(static r => r.PaidAmount)
        .Add(static r => r.ClOrdID)
        .Add(static r => r.SecondFactorType);

    /// <summary>The rows of <see cref="BrokerInfo"/>.</summary>
    public static readonly RecordColumns<BrokerInfo> Brokers = new RecordColumns<BrokerInfo>(Context.BrokerInfo)
        .Add(static r => r.BrokerID)
        .Add(static r => r.ShortName)
        .Add(static r => r.BusinessName)
        .Add(static r => r.Address)
        .Add(static r => r.City)
        .Add(static r => r.State)
        .Add(static r => r.ZipCode)
        .Add(static r => r.Country)
        .Add(static r => r.CountryCode)
        .Add(static r => r.PhoneNumber1)
        .Add(static r => r.PhoneNumber2)
        .Add(static r => r.Skype)
        .Add(static r => r.Email)
        .Add(static r => r.Currencies)
        .Add(static r => r.TosUrl)
        .Add(static r => r.SupportURL)
        .Add(static r => r.VerificationForm)
        .Add(static r => r.UploadForm)
        .Add(static r => r.SignupLabel)
        .Add(static r => r.FeeStructure)
        .Add(static r => r.TransactionFeeBuy)
        .Add(static r => r.TransactionFeeSell)
        .Add(static r => r.TakerTransactionFeeBuy)
        .Add(static r => r.TakerTransactionFeeSell)
        .Add(static r => r.Status)
        .Add(static r => r.Ranking)
        .Add(static r => r.CryptoCurrencies)
        .Add(static r => r.WithdrawStructure)
        .Add(static r => r.AcceptCustomersFrom)
        .Add(static r => r.IsBrokerHub);

    /// <summary>The rows of <see cref="ApiKeyListEntry"/>.</summary>
    public static readonly RecordColumns<ApiKeyListEntry> ApiKeys = new RecordColumns<ApiKeyListEntry>(Context.ApiKeyListEntry)
        .Add(static r => r.APIKey)
        .Add(static r => r.Label)
        .Add(static r => r.IPWhiteList)
        .Add(static r => r.PermissionList)
        .Add(static r => r.Created)
        .Add(static r => r.LastUsed);
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
