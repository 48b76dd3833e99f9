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
    private Dictionary<int, BrokerBalances> _balances = [];

    public IObservable<BalanceSnapshot> Balances => _balanceSnapshots;

    public IObservable<DepositRefresh> DepositUpdates => core.Messages.OfType<DepositRefresh>();

    public IObservable<WithdrawRefresh> WithdrawalUpdates => core.Messages.OfType<WithdrawRefresh>();

    public IObservable<ProfileRefresh> ProfileUpdates => core.Messages.OfType<ProfileRefresh>();

    public async Task<BalanceSnapshot> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        var id = core.Ids.Next();
        await core.RequestAsync<UserBalanceResponse>(new UserBalanceRequest { BalanceReqID = id }, ClientCore.IdText(id), MessageTypes.BalanceResponse, null, cancellationToken).ConfigureAwait(false);
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
        => core.PageAsync<TradeHistoryResponse, TradeHistoryEntry>(
            (id, page) => new TradeHistoryRequest { TradeHistoryReqID = id, Page = page, PageSize = pageSize, Since = since },
            MessageTypes.TradeHistoryResponse, r => r.TradeHistoryGrp, pageSize, cancellationToken);

    public IAsyncEnumerable<LedgerEntry> GetLedgerAsync(string? currency = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => core.PageAsync<LedgerListResponse, LedgerEntry>(
            (id, page) => new LedgerListRequest { LedgerListReqID = id, Page = page, PageSize = pageSize, Currency = currency },
            MessageTypes.LedgerListResponse, r => r.LedgerListGrp, pageSize, cancellationToken);

    public IAsyncEnumerable<Deposit> GetDepositsAsync(IReadOnlyList<DepositStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => core.PageAsync<DepositListResponse, Deposit>(
            (id, page) => new DepositListRequest { DepositListReqID = id, Page = page, PageSize = pageSize, StatusList = statuses },
            MessageTypes.DepositListResponse, r => r.DepositListGrp, pageSize, cancellationToken);

    public IAsyncEnumerable<Withdrawal> GetWithdrawalsAsync(IReadOnlyList<WithdrawStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => core.PageAsync<WithdrawListResponse, Withdrawal>(
            (id, page) => new WithdrawListRequest { WithdrawListReqID = id, Page = page, PageSize = pageSize, StatusList = statuses },
            MessageTypes.WithdrawListResponse, r => r.WithdrawListGrp, pageSize, cancellationToken);

    public IAsyncEnumerable<ApiKeyListEntry> GetApiKeysAsync(int pageSize = 20, CancellationToken cancellationToken = default)
        => core.PageAsync<ApiKeyListResponse, ApiKeyListEntry>(
            (id, page) => new ApiKeyListRequest { APIKeyListReqID = id, Page = page, PageSize = pageSize },
            MessageTypes.ApiKeyListResponse, r => r.ApiKeyListGrp, pageSize, cancellationToken);

    public async Task<IReadOnlyList<BrokerInfo>> GetBrokersAsync(string? country = null, CancellationToken cancellationToken = default)
    {
        List<BrokerInfo> brokers = [];
        await foreach (var broker in core.PageAsync<BrokerListResponse, BrokerInfo>(
            (id, page) => new BrokerListRequest { BrokerListReqID = id, Page = page, PageSize = 100, Country = country },
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
        var id = core.Ids.Next();
        var request = new DepositRequest { DepositReqID = id, Currency = currency, DepositMethodID = depositMethodId, Value = value, DepositID = depositId, BrokerID = core.Options.BrokerId };
        return core.RequestAsync<DepositResponse>(request, ClientCore.IdText(id), MessageTypes.DepositResponse, null, cancellationToken);
    }

    public Task<WithdrawResponse> RequestWithdrawalAsync(string currency, Amount amount, string method, JsonElement? data = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (amount.Satoshis <= 0)
        {
            throw new ArgumentException("The amount must be positive.", nameof(amount));
        }
        var id = core.Ids.Next();
        var request = new WithdrawRequest { WithdrawReqID = id, Currency = currency, Amount = amount, Method = method, Data = data, BrokerID = core.Options.BrokerId };
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
    {
        var id = core.Ids.Next();
        var request = new CancelWithdrawalRequest { WithdrawCancelReqID = id, WithdrawID = withdrawId };
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

    public Task<PositionResponse> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        var id = core.Ids.Next();
        return core.RequestAsync<PositionResponse>(new PositionRequest { PositionReqID = id }, ClientCore.IdText(id), MessageTypes.PositionResponse, null, cancellationToken);
    }

    public Task<UpdateProfileResponse> UpdateProfileAsync(IReadOnlyDictionary<string, JsonElement> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var id = core.Ids.Next();
        return core.RequestAsync<UpdateProfileResponse>(new UpdateProfileRequest { UpdateReqID = id, Fields = fields }, ClientCore.IdText(id), MessageTypes.UpdateProfileResponse, null, cancellationToken);
    }

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

    // Receive loop: a U3 answer replaces the brokers it lists; an unsolicited U3 merges the changed currencies (G30).
    private void OnBalances(UserBalanceResponse response)
    {
        BalanceSnapshot snapshot;
        lock (_balancesGate)
        {
            var next = new Dictionary<int, BrokerBalances>(_balances);
            foreach (var (brokerId, balances) in response.Balances)
            {
                next[brokerId] = !response.IsUpdate || !next.TryGetValue(brokerId, out var known) ? balances : known.Apply(balances);
            }
            _balances = next;
            snapshot = new BalanceSnapshot(next, core.Time.GetUtcNow());
        }
        _balanceSnapshots.OnNext(snapshot);
    }
}
