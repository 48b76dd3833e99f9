using System.Reactive.Linq;
using System.Text.Json;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Internal;
using BlinkTrade.Client.Internal.Streams;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Session;

namespace BlinkTrade.Client.Account;

/// <summary>The account feature: balances (kept from every U3, refreshed after a reconnect), account lists
/// (<see cref="IAsyncEnumerable{T}"/> paging), deposits, withdrawals, profile, brokers and API keys.</summary>
internal sealed class AccountFeature(ClientCore core, SessionFeature session) : IClientFeature
{
    private readonly object _balancesGate = new();
    private readonly SafeSubject<BalanceSnapshot> _balanceSnapshots = core.CreateStateSubject<BalanceSnapshot>("Balances");
    // Replaced, never changed, on every U3: snapshots handed out share it.
    private IReadOnlyDictionary<int, BrokerBalances> _balances = new Dictionary<int, BrokerBalances>();

    public IObservable<BalanceSnapshot> Balances => _balanceSnapshots;

    public IObservable<DepositRefresh> DepositUpdates => core.Messages.OfType<DepositRefresh>();

    public IObservable<WithdrawRefresh> WithdrawalUpdates => core.Messages.OfType<WithdrawRefresh>();

    public IObservable<ProfileRefresh> ProfileUpdates => core.Messages.OfType<ProfileRefresh>();

    public Task<BalanceSnapshot> GetBalancesAsync(CancellationToken cancellationToken = default) => GetBalancesAsync(OwnAccount, cancellationToken);

    public async Task<BalanceSnapshot> GetBalancesAsync(AccountOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = core.Ids.Next();
        var response = await core.RequestAsync<UserBalanceResponse>(new UserBalanceRequest { BalanceReqID = id, ClientID = options.ClientId }, ClientCore.IdText(id), MessageTypes.BalanceResponse, null, cancellationToken).ConfigureAwait(false);
        if (!IsOwn(response))
        {
            // A customer's balances (a broker asked with ClientID): returned as they are, kept out of Balances.
            return new BalanceSnapshot(new Dictionary<int, BrokerBalances>(response.Balances), core.Time.GetUtcNow());
        }
        // The receive loop applied the response before completing this request.
        lock (_balancesGate)
        {
            return new BalanceSnapshot(new Dictionary<int, BrokerBalances>(_balances), core.Time.GetUtcNow());
        }
    }

    public IAsyncEnumerable<OrderListEntry> GetOrdersAsync(OrderListFilter filter = OrderListFilter.All, int pageSize = 40, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string>? filters = filter switch
        {
            OrderListFilter.Open => [OrdersListRequest.OpenOrdersFilter],
            OrderListFilter.Filled => [OrdersListRequest.FilledOrdersFilter],
            OrderListFilter.Cancelled => [OrdersListRequest.CancelledOrdersFilter],
            _ => null,
        };
        return core.PageAsync<OrdersListResponse, OrderListEntry>(
            (id, page) => new OrdersListRequest { OrdersReqID = id, Page = page, PageSize = pageSize, Filter = filters },
            MessageTypes.OrdersListResponse, r => r.OrdListGrp, pageSize, cancellationToken);
    }

    public IAsyncEnumerable<TradeHistoryEntry> GetTradeHistoryAsync(long? since = null, int pageSize = 100, CancellationToken cancellationToken = default)
        => GetTradeHistoryAsync(new TradeHistoryOptions { Since = since, PageSize = pageSize }, cancellationToken);

    public IAsyncEnumerable<TradeHistoryEntry> GetTradeHistoryAsync(TradeHistoryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var filter = SearchTerms(options.Filter);
        return core.PageAsync<TradeHistoryResponse, TradeHistoryEntry>(
            (id, page) => new TradeHistoryRequest { TradeHistoryReqID = id, Page = page, PageSize = options.PageSize, Since = options.Since, SymbolList = options.Symbols, Filter = filter },
            MessageTypes.TradeHistoryResponse, r => r.TradeHistoryGrp, options.PageSize, cancellationToken);
    }

    public IAsyncEnumerable<LedgerEntry> GetLedgerAsync(string? currency = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => GetLedgerAsync(new LedgerOptions { Currency = currency, PageSize = pageSize }, cancellationToken);

    public IAsyncEnumerable<LedgerEntry> GetLedgerAsync(LedgerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return core.PageAsync<LedgerListResponse, LedgerEntry>(
            (id, page) => new LedgerListRequest { LedgerListReqID = id, Page = page, PageSize = options.PageSize, Currency = options.Currency, ClientID = options.ClientId, Filter = options.Filter },
            MessageTypes.LedgerListResponse, r => r.LedgerListGrp, options.PageSize, cancellationToken);
    }

    public IAsyncEnumerable<Deposit> GetDepositsAsync(IReadOnlyList<DepositStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => GetDepositsAsync(new DepositListOptions { Statuses = statuses, PageSize = pageSize }, cancellationToken);

    public IAsyncEnumerable<Deposit> GetDepositsAsync(DepositListOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return core.PageAsync<DepositListResponse, Deposit>(
            (id, page) => new DepositListRequest { DepositListReqID = id, Page = page, PageSize = options.PageSize, StatusList = options.Statuses, Filter = options.Filter, ClientID = options.ClientId },
            MessageTypes.DepositListResponse, r => r.DepositListGrp, options.PageSize, cancellationToken);
    }

    public IAsyncEnumerable<Withdrawal> GetWithdrawalsAsync(IReadOnlyList<WithdrawStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => GetWithdrawalsAsync(new WithdrawalListOptions { Statuses = statuses, PageSize = pageSize }, cancellationToken);

    public IAsyncEnumerable<Withdrawal> GetWithdrawalsAsync(WithdrawalListOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return core.PageAsync<WithdrawListResponse, Withdrawal>(
            (id, page) => new WithdrawListRequest { WithdrawListReqID = id, Page = page, PageSize = options.PageSize, StatusList = options.Statuses, Filter = options.Filter, ClientID = options.ClientId },
            MessageTypes.WithdrawListResponse, r => r.WithdrawListGrp, options.PageSize, cancellationToken);
    }

    public IAsyncEnumerable<ApiKeyListEntry> GetApiKeysAsync(int pageSize = 20, CancellationToken cancellationToken = default)
        => core.PageAsync<ApiKeyListResponse, ApiKeyListEntry>(
            (id, page) => new ApiKeyListRequest { APIKeyListReqID = id, Page = page, PageSize = pageSize },
            MessageTypes.ApiKeyListResponse, r => r.ApiKeyListGrp, pageSize, cancellationToken);

    public Task<IReadOnlyList<BrokerInfo>> GetBrokersAsync(string? country = null, CancellationToken cancellationToken = default)
        => GetBrokersAsync(new BrokerListOptions { Country = country }, cancellationToken);

    public async Task<IReadOnlyList<BrokerInfo>> GetBrokersAsync(BrokerListOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<BrokerInfo> brokers = [];
        await foreach (var broker in core.PageAsync<BrokerListResponse, BrokerInfo>(
            (id, page) => new BrokerListRequest { BrokerListReqID = id, Page = page, PageSize = 100, Country = options.Country, StatusList = options.Statuses },
            MessageTypes.BrokerListResponse, r => r.BrokerListGrp, 100, cancellationToken).ConfigureAwait(false))
        {
            brokers.Add(broker);
        }
        return brokers;
    }

    public async Task<IReadOnlyList<DepositMethod>> GetDepositMethodsAsync(int? brokerId = null, CancellationToken cancellationToken = default)
    {
        var id = core.Ids.Next();
        var request = new DepositMethodsRequest { DepositMethodReqID = id, BrokerID = brokerId ?? (session.CurrentUser is null ? core.Options.BrokerId : null) };
        var response = await core.RequestAsync<DepositMethodsResponse>(request, ClientCore.IdText(id), MessageTypes.DepositMethodsResponse, null, cancellationToken).ConfigureAwait(false);
        return response.DepositMethodGrp;
    }

    public Task<DepositMethodResponse> GetDepositMethodAsync(int depositMethodId, CancellationToken cancellationToken = default)
    {
        var id = core.Ids.Next();
        return core.RequestAsync<DepositMethodResponse>(new DepositMethodRequest { DepositMethodReqID = id, DepositMethodID = depositMethodId }, ClientCore.IdText(id), MessageTypes.DepositMethodResponse, null, cancellationToken);
    }

    public Task<DepositResponse> RequestDepositAsync(string? currency = null, int? depositMethodId = null, Amount? value = null, string? depositId = null, CancellationToken cancellationToken = default)
    {
        if (currency is null && depositMethodId is null && depositId is null)
        {
            throw new ArgumentException("Give a currency, a deposit method or a deposit id.", nameof(currency));
        }
        return RequestDepositAsync(new DepositOptions { Currency = currency, DepositMethodId = depositMethodId, Value = value, DepositId = depositId }, cancellationToken);
    }

    public Task<DepositResponse> RequestDepositAsync(DepositOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Currency is null && options.DepositMethodId is null && options.DepositId is null)
        {
            throw new ArgumentException("Give a currency, a deposit method or a deposit id.", nameof(options));
        }
        CheckClientReference(options.ClOrdId, nameof(options));
        IReadOnlyList<JsonElement>? instructions = options.Instructions?.Select(ToJson).ToArray();
        var id = core.Ids.Next();
        var request = new DepositRequest
        {
            DepositReqID = id, Currency = options.Currency, DepositMethodID = options.DepositMethodId, Value = options.Value, DepositID = options.DepositId,
            ClOrdID = options.ClOrdId, Action = options.Action, Instructions = instructions, BrokerID = core.Options.BrokerId,
        };
        return core.RequestAsync<DepositResponse>(request, ClientCore.IdText(id), MessageTypes.DepositResponse, null, cancellationToken);
    }

    public Task<WithdrawResponse> RequestWithdrawalAsync(string currency, Amount amount, string method, JsonElement? data = null, CancellationToken cancellationToken = default)
        => RequestWithdrawalAsync(currency, amount, method, new WithdrawalOptions { Data = data }, cancellationToken);

    public Task<WithdrawResponse> RequestWithdrawalAsync(string currency, Amount amount, string method, WithdrawalOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(options);
        if (amount.Satoshis <= 0)
        {
            throw new ArgumentException("The amount must be positive.", nameof(amount));
        }
        CheckClientReference(options.ClOrdId, nameof(options));
        var id = core.Ids.Next();
        var request = new WithdrawRequest { WithdrawReqID = id, Currency = currency, Amount = amount, Method = method, Data = options.Data, ClOrdID = options.ClOrdId, BrokerID = core.Options.BrokerId };
        return core.RequestAsync<WithdrawResponse>(request, ClientCore.IdText(id), MessageTypes.WithdrawResponse, null, cancellationToken);
    }

    public Task<WithdrawConfirmationResponse> ConfirmWithdrawalAsync(SecretString confirmationToken, CancellationToken cancellationToken = default)
        => ConfirmWithdrawalCoreAsync(id => new WithdrawConfirmationRequest { WithdrawReqID = id, ConfirmationToken = confirmationToken }, cancellationToken);

    public Task<WithdrawConfirmationResponse> ConfirmWithdrawalAsync(long withdrawId, SecretString secondFactor, CancellationToken cancellationToken = default)
        => ConfirmWithdrawalCoreAsync(id => new WithdrawConfirmationRequest { WithdrawReqID = id, WithdrawID = withdrawId, SecondFactor = secondFactor }, cancellationToken);

    private Task<WithdrawConfirmationResponse> ConfirmWithdrawalCoreAsync(Func<long, WithdrawConfirmationRequest> create, CancellationToken cancellationToken)
    {
        var id = core.Ids.Next();
        return core.RequestAsync<WithdrawConfirmationResponse>(create(id), ClientCore.IdText(id), MessageTypes.WithdrawConfirmationResponse, null, cancellationToken);
    }

    public Task<CancelWithdrawalResponse> CancelWithdrawalAsync(long withdrawId, CancellationToken cancellationToken = default)
        => CancelWithdrawalAsync(withdrawId, new WithdrawalCancelOptions(), cancellationToken);

    public Task<CancelWithdrawalResponse> CancelWithdrawalAsync(long withdrawId, WithdrawalCancelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckClientReference(options.ClOrdId, nameof(options));
        var id = core.Ids.Next();
        var request = new CancelWithdrawalRequest { WithdrawCancelReqID = id, WithdrawID = withdrawId, ClOrdID = options.ClOrdId };
        return core.RequestAsync<CancelWithdrawalResponse>(request, ClientCore.IdText(id), MessageTypes.CancelWithdrawalResponse, null, cancellationToken);
    }

    public Task<WithdrawCommentResponse> CommentWithdrawalAsync(long withdrawId, string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var id = core.Ids.Next();
        var request = new WithdrawCommentRequest { WithdrawReqID = id, WithdrawID = withdrawId, Message = message };
        return core.RequestAsync<WithdrawCommentResponse>(request, ClientCore.IdText(id), MessageTypes.WithdrawCommentResponse, null, cancellationToken);
    }

    public IAsyncEnumerable<TradersRankEntry> GetTradersRankAsync(IReadOnlyList<string>? filter = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => core.PageAsync<TradersRankResponse, TradersRankEntry>(
            (id, page) => new TradersRankRequest { TradersRankReqID = id, Page = page, PageSize = pageSize, Filter = filter },
            MessageTypes.TradersRankResponse, r => r.TradersRankGrp, pageSize, cancellationToken);

    public Task<PositionResponse> GetPositionsAsync(CancellationToken cancellationToken = default) => GetPositionsAsync(OwnAccount, cancellationToken);

    public Task<PositionResponse> GetPositionsAsync(AccountOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = core.Ids.Next();
        return core.RequestAsync<PositionResponse>(new PositionRequest { PositionReqID = id, ClientID = options.ClientId }, ClientCore.IdText(id), MessageTypes.PositionResponse, null, cancellationToken);
    }

    public Task<UpdateProfileResponse> UpdateProfileAsync(IReadOnlyDictionary<string, JsonElement> fields, CancellationToken cancellationToken = default)
        => UpdateProfileAsync(fields, OwnAccount, cancellationToken);

    public Task<UpdateProfileResponse> UpdateProfileAsync(IReadOnlyDictionary<string, JsonElement> fields, AccountOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(options);
        var id = core.Ids.Next();
        return core.RequestAsync<UpdateProfileResponse>(new UpdateProfileRequest { UpdateReqID = id, Fields = fields, UserID = options.ClientId }, ClientCore.IdText(id), MessageTypes.UpdateProfileResponse, null, cancellationToken);
    }

    public Task<TwoFactorResponse> DisableTwoFactorAsync(AccountOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var id = core.Ids.Next();
        // U16 names the customer as text (the record's ClientID is a string: bitex also takes a username there).
        var request = new TwoFactorRequest { EnableTwoFactorReqID = id, Enable = false, ClientID = options.ClientId?.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return core.RequestAsync<TwoFactorResponse>(request, ClientCore.IdText(id), MessageTypes.TwoFactorResponse, null, cancellationToken);
    }

    // The options of a request about the session's own account.
    private static readonly AccountOptions OwnAccount = new();

    // ClOrdID is a string of at most 30 characters (§5 G16): refused here rather than by the server.
    private static void CheckClientReference(string? clOrdId, string parameter)
    {
        if (clOrdId is { Length: 0 or > 30 })
        {
            throw new ArgumentException("A ClOrdID holds 1 to 30 characters.", parameter);
        }
    }

    // A U32 Filter is an open-ended JSON value on the record; the typed API sends an array of search terms.
    private static JsonElement? SearchTerms(IReadOnlyList<string>? terms)
    {
        if (terms is null)
        {
            return null;
        }
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var term in terms)
            {
                writer.WriteStringValue(term);
            }
            writer.WriteEndArray();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    // An instruction of U18 as the JSON object the exchange runs (the message's own wire form).
    private static JsonElement ToJson(BlinkTradeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var document = JsonDocument.Parse(ProtocolSerializer.SerializeToUtf8Bytes(message));
        return document.RootElement.Clone();
    }

    // A U3 about the session's own account: no ClientID, or the logged-in user's (a broker asking for a customer gets the customer's).
    private bool IsOwn(UserBalanceResponse response)
        => response.ClientID is not { } client || session.CurrentUser?.UserID is not { } self || client == self;

    public Task<ApiKeyCreateResponse> CreateApiKeyAsync(string label, PermissionList? permissions = null, IReadOnlyList<string>? ipWhiteList = null, bool? revocable = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var id = core.Ids.Next();
        var request = new ApiKeyCreateRequest { APIKeyCreateReqID = id, Label = label, PermissionList = permissions, IPWhiteList = ipWhiteList, Revocable = revocable };
        return core.RequestAsync<ApiKeyCreateResponse>(request, ClientCore.IdText(id), MessageTypes.ApiKeyCreateResponse, null, cancellationToken);
    }

    public Task<ApiKeyRevokeResponse> RevokeApiKeyAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var id = core.Ids.Next();
        return core.RequestAsync<ApiKeyRevokeResponse>(new ApiKeyRevokeRequest { APIKeyRevokeReqID = id, APIKey = apiKey }, ClientCore.IdText(id), MessageTypes.ApiKeyRevokeResponse, null, cancellationToken);
    }

    public void Register(MessageRouter router) => router.On<UserBalanceResponse>(OnBalances);

    public void OnConnectionLost()
    {
    }

    public void Complete() => _balanceSnapshots.OnCompleted();

    // Balance deltas sent while the connection was down are lost: a known balance state is read again (U2).
    public async Task RestoreAsync(SessionConnection connection, RestoreContext context, CancellationToken cancellationToken)
    {
        if (!context.IsReconnect || session.CurrentUser is null || !HasBalances)
        {
            return;
        }
        try
        {
            await RefreshBalancesAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Requests.BlinkTradeErrorException or Requests.BlinkTradeTimeoutException)
        {
            core.ReportError(ClientErrorKind.ReconnectFailed, "Balance refresh failed: " + e.Message, e);
            context.Failed(e);
        }
    }

    private bool HasBalances
    {
        get
        {
            lock (_balancesGate)
            {
                return _balances.Count > 0;
            }
        }
    }

    // After a reconnect: the U3 answer replaces the balances (applied by the receive loop, published on Balances).
    private async Task RefreshBalancesAsync(SessionConnection connection, CancellationToken cancellationToken)
    {
        var id = core.Ids.Next();
        await connection.RequestAsync(new UserBalanceRequest { BalanceReqID = id }, ClientCore.IdText(id), [MessageTypes.BalanceResponse], null, null, cancellationToken).ConfigureAwait(false);
    }

    // The balances after a U3: an answer replaces the brokers it lists; an unsolicited U3 merges the changed currencies
    // (G30). An account at one broker (the usual case) is kept in a one-entry map rather than a dictionary copied per U3.
    private static IReadOnlyDictionary<int, BrokerBalances> Merge(IReadOnlyDictionary<int, BrokerBalances> known, UserBalanceResponse response)
    {
        if (response.Balances.Count == 1 && known.Count <= 1)
        {
            // The parser's one-broker map (no enumerator for the one entry); another map (built in code) enumerated.
            var (brokerId, balances) = response.Balances is SingleEntryDictionary<int, BrokerBalances> one ? KeyValuePair.Create(one.Key, one.Value) : response.Balances.First();
            BrokerBalances? current = null;
            if (known.Count == 0 || known.TryGetValue(brokerId, out current))
            {
                return new SingleEntryDictionary<int, BrokerBalances>(brokerId, response.IsUpdate && current is not null ? current.Apply(balances) : balances);
            }
        }
        var next = new Dictionary<int, BrokerBalances>(known);
        foreach (var (brokerId, balances) in response.Balances)
        {
            next[brokerId] = !response.IsUpdate || !next.TryGetValue(brokerId, out var previous) ? balances : previous.Apply(balances);
        }
        return next;
    }

    // Receive loop: applies a U3 about the session's own account and publishes the new balances.
    private void OnBalances(UserBalanceResponse response)
    {
        if (!IsOwn(response))
        {
            return;
        }
        BalanceSnapshot snapshot;
        lock (_balancesGate)
        {
            _balances = Merge(_balances, response);
            snapshot = new BalanceSnapshot(_balances, core.Time.GetUtcNow());
        }
        _balanceSnapshots.OnNext(snapshot);
    }
}
