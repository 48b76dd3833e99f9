using System.Reactive.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client;

// Balances, account lists (IAsyncEnumerable paging), deposits, withdrawals, profile, brokers and API keys.
public partial class BlinkTradeClient
{
    private readonly object _balancesGate = new();
    private Dictionary<int, BrokerBalances> _balances = [];
    private SafeSubject<BalanceSnapshot> _balanceSnapshots = null!;

    /// <inheritdoc />
    public virtual IObservable<BalanceSnapshot> Balances => _balanceSnapshots;

    /// <inheritdoc />
    public virtual IObservable<DepositRefresh> DepositUpdates => _messages.OfType<DepositRefresh>();

    /// <inheritdoc />
    public virtual IObservable<WithdrawRefresh> WithdrawalUpdates => _messages.OfType<WithdrawRefresh>();

    /// <inheritdoc />
    public virtual IObservable<ProfileRefresh> ProfileUpdates => _messages.OfType<ProfileRefresh>();

    /// <inheritdoc />
    public virtual async Task<BalanceSnapshot> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        var id = _ids.Next();
        await RequestCoreAsync<UserBalanceResponse>(new UserBalanceRequest { BalanceReqID = id }, Id(id), MessageTypes.BalanceResponse, null, cancellationToken).ConfigureAwait(false);
        // The receive loop applied the response before completing this request.
        lock (_balancesGate)
        {
            return new BalanceSnapshot(new Dictionary<int, BrokerBalances>(_balances), _time.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<OrderListEntry> GetOrdersAsync(OrderListFilter filter = OrderListFilter.All, int pageSize = 40, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string>? filters = filter switch
        {
            OrderListFilter.Open => [OrdersListRequest.OpenOrdersFilter],
            OrderListFilter.Filled => [OrdersListRequest.FilledOrdersFilter],
            OrderListFilter.Cancelled => [OrdersListRequest.CancelledOrdersFilter],
            _ => null,
        };
        return PageAsync<OrdersListResponse, OrderListEntry>(
            (id, page) => new OrdersListRequest { OrdersReqID = id, Page = page, PageSize = pageSize, Filter = filters },
            MessageTypes.OrdersListResponse, r => r.OrdListGrp, pageSize, cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<TradeHistoryEntry> GetTradeHistoryAsync(long? since = null, int pageSize = 100, CancellationToken cancellationToken = default)
        => PageAsync<TradeHistoryResponse, TradeHistoryEntry>(
            (id, page) => new TradeHistoryRequest { TradeHistoryReqID = id, Page = page, PageSize = pageSize, Since = since },
            MessageTypes.TradeHistoryResponse, r => r.TradeHistoryGrp, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<LedgerEntry> GetLedgerAsync(string? currency = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => PageAsync<LedgerListResponse, LedgerEntry>(
            (id, page) => new LedgerListRequest { LedgerListReqID = id, Page = page, PageSize = pageSize, Currency = currency },
            MessageTypes.LedgerListResponse, r => r.LedgerListGrp, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Deposit> GetDepositsAsync(IReadOnlyList<DepositStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => PageAsync<DepositListResponse, Deposit>(
            (id, page) => new DepositListRequest { DepositListReqID = id, Page = page, PageSize = pageSize, StatusList = statuses },
            MessageTypes.DepositListResponse, r => r.DepositListGrp, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Withdrawal> GetWithdrawalsAsync(IReadOnlyList<WithdrawStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => PageAsync<WithdrawListResponse, Withdrawal>(
            (id, page) => new WithdrawListRequest { WithdrawListReqID = id, Page = page, PageSize = pageSize, StatusList = statuses },
            MessageTypes.WithdrawListResponse, r => r.WithdrawListGrp, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ApiKeyListEntry> GetApiKeysAsync(int pageSize = 20, CancellationToken cancellationToken = default)
        => PageAsync<ApiKeyListResponse, ApiKeyListEntry>(
            (id, page) => new ApiKeyListRequest { APIKeyListReqID = id, Page = page, PageSize = pageSize },
            MessageTypes.ApiKeyListResponse, r => r.ApiKeyListGrp, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<BrokerInfo>> GetBrokersAsync(string? country = null, CancellationToken cancellationToken = default)
    {
        List<BrokerInfo> brokers = [];
        await foreach (var broker in PageAsync<BrokerListResponse, BrokerInfo>(
            (id, page) => new BrokerListRequest { BrokerListReqID = id, Page = page, PageSize = 100, Country = country },
            MessageTypes.BrokerListResponse, r => r.BrokerListGrp, 100, cancellationToken).ConfigureAwait(false))
        {
            brokers.Add(broker);
        }
        return brokers;
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<DepositMethod>> GetDepositMethodsAsync(int? brokerId = null, CancellationToken cancellationToken = default)
    {
        var id = _ids.Next();
        var request = new DepositMethodsRequest { DepositMethodReqID = id, BrokerID = brokerId ?? (CurrentUser is null ? _options.BrokerId : null) };
        var response = await RequestCoreAsync<DepositMethodsResponse>(request, Id(id), MessageTypes.DepositMethodsResponse, null, cancellationToken).ConfigureAwait(false);
        return response.DepositMethodGrp;
    }

    /// <inheritdoc />
    public virtual Task<DepositMethodResponse> GetDepositMethodAsync(int depositMethodId, CancellationToken cancellationToken = default)
    {
        var id = _ids.Next();
        return RequestCoreAsync<DepositMethodResponse>(new DepositMethodRequest { DepositMethodReqID = id, DepositMethodID = depositMethodId }, Id(id), MessageTypes.DepositMethodResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<DepositResponse> RequestDepositAsync(string? currency = null, int? depositMethodId = null, Amount? value = null, string? depositId = null, CancellationToken cancellationToken = default)
    {
        if (currency is null && depositMethodId is null && depositId is null)
        {
            throw new ArgumentException("Give a currency, a deposit method or a deposit id.", nameof(currency));
        }
        var id = _ids.Next();
        var request = new DepositRequest { DepositReqID = id, Currency = currency, DepositMethodID = depositMethodId, Value = value, DepositID = depositId, BrokerID = _options.BrokerId };
        return RequestCoreAsync<DepositResponse>(request, Id(id), MessageTypes.DepositResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<WithdrawResponse> RequestWithdrawalAsync(string currency, Amount amount, string method, JsonElement? data = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (amount.Satoshis <= 0)
        {
            throw new ArgumentException("The amount must be positive.", nameof(amount));
        }
        var id = _ids.Next();
        var request = new WithdrawRequest { WithdrawReqID = id, Currency = currency, Amount = amount, Method = method, Data = data, BrokerID = _options.BrokerId };
        return RequestCoreAsync<WithdrawResponse>(request, Id(id), MessageTypes.WithdrawResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<WithdrawConfirmationResponse> ConfirmWithdrawalAsync(SecretString confirmationToken, CancellationToken cancellationToken = default)
        => ConfirmWithdrawalCoreAsync(id => new WithdrawConfirmationRequest { WithdrawReqID = id, ConfirmationToken = confirmationToken }, cancellationToken);

    /// <inheritdoc />
    public virtual Task<WithdrawConfirmationResponse> ConfirmWithdrawalAsync(long withdrawId, SecretString secondFactor, CancellationToken cancellationToken = default)
        => ConfirmWithdrawalCoreAsync(id => new WithdrawConfirmationRequest { WithdrawReqID = id, WithdrawID = withdrawId, SecondFactor = secondFactor }, cancellationToken);

    private Task<WithdrawConfirmationResponse> ConfirmWithdrawalCoreAsync(Func<long, WithdrawConfirmationRequest> create, CancellationToken cancellationToken)
    {
        var id = _ids.Next();
        return RequestCoreAsync<WithdrawConfirmationResponse>(create(id), Id(id), MessageTypes.WithdrawConfirmationResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<CancelWithdrawalResponse> CancelWithdrawalAsync(long withdrawId, CancellationToken cancellationToken = default)
    {
        var id = _ids.Next();
        var request = new CancelWithdrawalRequest { WithdrawCancelReqID = id, WithdrawID = withdrawId };
        return RequestCoreAsync<CancelWithdrawalResponse>(request, Id(id), MessageTypes.CancelWithdrawalResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<WithdrawCommentResponse> CommentWithdrawalAsync(long withdrawId, string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var id = _ids.Next();
        var request = new WithdrawCommentRequest { WithdrawReqID = id, WithdrawID = withdrawId, Message = message };
        return RequestCoreAsync<WithdrawCommentResponse>(request, Id(id), MessageTypes.WithdrawCommentResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<TradersRankEntry> GetTradersRankAsync(IReadOnlyList<string>? filter = null, int pageSize = 20, CancellationToken cancellationToken = default)
        => PageAsync<TradersRankResponse, TradersRankEntry>(
            (id, page) => new TradersRankRequest { TradersRankReqID = id, Page = page, PageSize = pageSize, Filter = filter },
            MessageTypes.TradersRankResponse, r => r.TradersRankGrp, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual Task<PositionResponse> GetPositionsAsync(CancellationToken cancellationToken = default)
    {
        var id = _ids.Next();
        return RequestCoreAsync<PositionResponse>(new PositionRequest { PositionReqID = id }, Id(id), MessageTypes.PositionResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<UpdateProfileResponse> UpdateProfileAsync(IReadOnlyDictionary<string, JsonElement> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var id = _ids.Next();
        return RequestCoreAsync<UpdateProfileResponse>(new UpdateProfileRequest { UpdateReqID = id, Fields = fields }, Id(id), MessageTypes.UpdateProfileResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ApiKeyCreateResponse> CreateApiKeyAsync(string label, PermissionList? permissions = null, IReadOnlyList<string>? ipWhiteList = null, bool? revocable = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var id = _ids.Next();
        var request = new ApiKeyCreateRequest { APIKeyCreateReqID = id, Label = label, PermissionList = permissions, IPWhiteList = ipWhiteList, Revocable = revocable };
        return RequestCoreAsync<ApiKeyCreateResponse>(request, Id(id), MessageTypes.ApiKeyCreateResponse, null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ApiKeyRevokeResponse> RevokeApiKeyAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var id = _ids.Next();
        return RequestCoreAsync<ApiKeyRevokeResponse>(new ApiKeyRevokeRequest { APIKeyRevokeReqID = id, APIKey = apiKey }, Id(id), MessageTypes.ApiKeyRevokeResponse, null, cancellationToken);
    }

    // One request per page, the next only when the consumer asks for more; stops at a short page (PROTOCOL.md §2.3 U4).
    private async IAsyncEnumerable<TRow> PageAsync<TResponse, TRow>(Func<int, int, BlinkTradeMessage> build, string responseMsgType, Func<TResponse, IReadOnlyList<TRow>?> rows, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TResponse : BlinkTradeMessage
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        for (var page = 0; ; page++)
        {
            var id = _ids.Next();
            var response = await RequestCoreAsync<TResponse>(build(id, page), Id(id), responseMsgType, null, cancellationToken).ConfigureAwait(false);
            var items = rows(response) ?? [];
            foreach (var item in items)
            {
                yield return item;
            }
            if (items.Count < pageSize)
            {
                yield break;
            }
        }
    }

    private void InitializeAccount() => _balanceSnapshots = CreateStateSubject<BalanceSnapshot>("Balances");

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
    private async Task RefreshBalancesAsync(Session.SessionConnection session, CancellationToken cancellationToken)
    {
        var id = _ids.Next();
        await session.RequestAsync(new UserBalanceRequest { BalanceReqID = id }, Id(id), [MessageTypes.BalanceResponse], null, null, cancellationToken).ConfigureAwait(false);
    }

    // Receive loop: a U3 answer replaces the brokers it lists; an unsolicited U3 merges the changed currencies (G30).
    private void OnAccount(BlinkTradeMessage message)
    {
        if (message is not UserBalanceResponse response)
        {
            return;
        }
        BalanceSnapshot snapshot;
        lock (_balancesGate)
        {
            var next = new Dictionary<int, BrokerBalances>(_balances);
            foreach (var (brokerId, balances) in response.Balances)
            {
                next[brokerId] = !response.IsUpdate || !next.TryGetValue(brokerId, out var known) ? balances : known.Apply(balances);
            }
            _balances = next;
            snapshot = new BalanceSnapshot(next, _time.GetUtcNow());
        }
        _balanceSnapshots.OnNext(snapshot);
    }
}
