using System.Text.Json;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Internal;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Session;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client;

/// <summary>
/// The BlinkTrade client (see <see cref="IBlinkTradeClient"/>). Thread-safe: call it from any thread.
/// </summary>
/// <remarks>
/// <para>Shape: a thin facade over internal feature components — session, market data, trading, account — that sit on
/// one connection core. Each feature registers the inbound message types it handles in the core's one routing table,
/// so a message reaches exactly the feature that owns it.</para>
/// <para>Threading: one receive loop per connection parses frames and updates the client's state (order books,
/// order tracker, balances) synchronously; subscribers are called on their own delivery tasks, so a slow or throwing
/// subscriber never holds up the socket or other subscribers. One frame writer serializes sends.</para>
/// <para>Back-pressure: each subscriber has a bounded queue (<see cref="BlinkTradeClientOptions.SubscriberQueueCapacity"/>).
/// State streams (order books, tickers, balances, connection state, latency) drop the oldest queued state when it
/// is full — the newest state supersedes it; event streams (execution reports, trades, messages, errors) unsubscribe
/// a subscriber that falls that far behind with <see cref="SubscriberOverflowException"/> rather than lose events
/// silently.</para>
/// </remarks>
public class BlinkTradeClient : IBlinkTradeClient
{
    private readonly ClientCore _core;
    private readonly SessionFeature _session;
    private readonly MarketDataFeature _marketData;
    private readonly TradingFeature _trading;
    private readonly AccountFeature _account;

    /// <summary>Creates a client; nothing is opened until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">The options (validated here).</param>
    public BlinkTradeClient(BlinkTradeClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _core = new ClientCore(options);
        _session = new SessionFeature(_core);
        _marketData = new MarketDataFeature(_core);
        _trading = new TradingFeature(_core, _session, _marketData.GetSecurityListAsync);
        _account = new AccountFeature(_core, _session);
        // The order is the restore order on every new connection: log in, resubscribe, reconcile orders, refresh balances.
        _core.Attach(_session, _marketData, _trading, _account);
    }

    /// <summary>Nothing left to send and every stream delivered (the reference exchange's run-until-idle reads it).</summary>
    internal bool IsIdle => _core.IsIdle;

    /// <summary>For mocking frameworks only.</summary>
    protected BlinkTradeClient()
    {
        Options = new BlinkTradeClientOptions();
        _core = null!;
        _session = null!;
        _marketData = null!;
        _trading = null!;
        _account = null!;
    }

    /// <summary>The options this client was created with.</summary>
    public BlinkTradeClientOptions Options { get; }

    /// <summary>How long ago the last heartbeat answer arrived on the client's clock (<see langword="null"/> when none
    /// has yet, or for a mock), for <see cref="Diagnostics.BlinkTradeClientHealthCheck"/>.</summary>
    internal TimeSpan? HeartbeatAge => _core?.LastHeartbeatTimestamp is { } at ? _core.Time.GetElapsedTime(at) : null;

    /// <summary>The message types the client's features handle (one owner each), for diagnostics and tests.</summary>
    internal IReadOnlyCollection<Type> RoutedMessageTypes => _core.Routes;

    /// <summary>Closes the connection, stops reconnecting and completes every stream.</summary>
    /// <returns>A task that completes when the client is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _core.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    // Connection
    /// <inheritdoc />
    public virtual ConnectionState State => _core.State;

    /// <inheritdoc />
    public virtual IObservable<ConnectionStateChange> ConnectionStates => _core.ConnectionStates;

    /// <inheritdoc />
    public virtual IObservable<BlinkTradeClientError> Errors => _core.Errors;

    /// <inheritdoc />
    public virtual IObservable<TimeSpan> Latency => _core.Latency;

    /// <inheritdoc />
    public virtual IObservable<BlinkTradeMessage> Messages => _core.Messages;

    /// <inheritdoc />
    public virtual IObservable<SessionRecovery> Recoveries => _core.Recoveries;

    /// <inheritdoc />
    public virtual IObservable<PacingDelay> PacingDelays => _core.PacingDelays;

    /// <inheritdoc />
    public virtual Task ConnectAsync(CancellationToken cancellationToken = default) => _core.ConnectAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task DisconnectAsync(CancellationToken cancellationToken = default) => _core.DisconnectAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default) => _core.PingAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task SendAsync(BlinkTradeMessage message, CancellationToken cancellationToken = default) => _core.SendAsync(message, cancellationToken);

    /// <inheritdoc />
    public virtual Task<BlinkTradeMessage> RequestAsync(BlinkTradeMessage request, string requestId, string responseMsgType, CancellationToken cancellationToken = default) => _core.RequestAsync(request, requestId, responseMsgType, cancellationToken);

    // Session (PROTOCOL.md §2.1)
    /// <inheritdoc />
    public virtual UserResponse? CurrentUser => _session.CurrentUser;

    /// <inheritdoc />
    public virtual Task<UserResponse> LoginAsync(BlinkTradeCredentials? credentials = null, CancellationToken cancellationToken = default) => _session.LoginAsync(credentials, cancellationToken);

    /// <inheritdoc />
    public virtual Task<UserResponse> LogoutAsync(CancellationToken cancellationToken = default) => _session.LogoutAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<UserResponse> ChangePasswordAsync(SecretString currentPassword, SecretString newPassword, SecretString? secondFactor = null, CancellationToken cancellationToken = default) => _session.ChangePasswordAsync(currentPassword, newPassword, secondFactor, cancellationToken);

    /// <inheritdoc />
    public virtual Task<UserResponse> SignupAsync(string username, SecretString password, string email, string? countryCode = null, string? state = null, CancellationToken cancellationToken = default) => _session.SignupAsync(username, password, email, countryCode, state, cancellationToken);

    /// <inheritdoc />
    public virtual Task<TwoFactorResponse> SetTwoFactorAsync(bool enable, SecretString? secret = null, SecretString? code = null, CancellationToken cancellationToken = default) => _session.SetTwoFactorAsync(enable, secret, code, cancellationToken);

    /// <inheritdoc />
    public virtual Task<bool> RequestPasswordResetAsync(string email, CancellationToken cancellationToken = default) => _session.RequestPasswordResetAsync(email, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProcessPasswordResetResponse> ResetPasswordAsync(SecretString token, SecretString newPassword, CancellationToken cancellationToken = default) => _session.ResetPasswordAsync(token, newPassword, cancellationToken);

    // Trading
    /// <inheritdoc />
    public virtual IObservable<ExecutionReport> ExecutionReports => _trading.ExecutionReports;

    /// <inheritdoc />
    public virtual IObservable<Fill> Fills => _trading.Fills;

    /// <inheritdoc />
    public virtual IOrderTracker Orders => _trading.Orders;

    /// <inheritdoc />
    public virtual Task<ExecutionReport> SendOrderAsync(NewOrder order, CancellationToken cancellationToken = default) => _trading.SendOrderAsync(order, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ExecutionReport> CancelOrderAsync(string clOrdId, CancellationToken cancellationToken = default) => _trading.CancelOrderAsync(clOrdId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ExecutionReport> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default) => _trading.CancelOrderAsync(orderId, cancellationToken);

    /// <inheritdoc />
    public virtual Task CancelAllOrdersAsync(Side? side = null, CancellationToken cancellationToken = default) => _trading.CancelAllOrdersAsync(side, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ExecutionReport> WaitForOrderCompletionAsync(string clOrdId, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => _trading.WaitForOrderCompletionAsync(clOrdId, timeout, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ExecutionReport> WaitForOrderCompletionAsync(long orderId, TimeSpan? timeout = null, CancellationToken cancellationToken = default) => _trading.WaitForOrderCompletionAsync(orderId, timeout, cancellationToken);

    // Market data
    /// <inheritdoc />
    public virtual IObservable<OrderBookSnapshot> ObserveOrderBook(string symbol) => _marketData.ObserveOrderBook(symbol);

    /// <inheritdoc />
    public virtual IObservable<OrderBookSnapshot> ObserveOrderBook(string symbol, OrderBookOptions options) => _marketData.ObserveOrderBook(symbol, options);

    /// <inheritdoc />
    public virtual Task<OrderBookSnapshot> GetOrderBookAsync(string symbol, OrderBookOptions? options = null, CancellationToken cancellationToken = default)
        => _marketData.GetOrderBookAsync(symbol, options, cancellationToken);

    /// <inheritdoc />
    public virtual IObservable<MarketTrade> ObserveTrades(string symbol) => _marketData.ObserveTrades(symbol);

    /// <inheritdoc />
    public virtual IObservable<Ticker> ObserveTicker(string symbol) => _marketData.ObserveTicker(symbol);

    /// <inheritdoc />
    public virtual Task<SecurityList> GetSecurityListAsync(CancellationToken cancellationToken = default) => _marketData.GetSecurityListAsync(cancellationToken);

    // Account
    /// <inheritdoc />
    public virtual IObservable<BalanceSnapshot> Balances => _account.Balances;

    /// <inheritdoc />
    public virtual IObservable<DepositRefresh> DepositUpdates => _account.DepositUpdates;

    /// <inheritdoc />
    public virtual IObservable<WithdrawRefresh> WithdrawalUpdates => _account.WithdrawalUpdates;

    /// <inheritdoc />
    public virtual IObservable<ProfileRefresh> ProfileUpdates => _account.ProfileUpdates;

    /// <inheritdoc />
    public virtual Task<BalanceSnapshot> GetBalancesAsync(CancellationToken cancellationToken = default) => _account.GetBalancesAsync(cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<OrderListEntry> GetOrdersAsync(OrderListFilter filter = OrderListFilter.All, int pageSize = 40, CancellationToken cancellationToken = default) => _account.GetOrdersAsync(filter, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<TradeHistoryEntry> GetTradeHistoryAsync(long? since = null, int pageSize = 100, CancellationToken cancellationToken = default) => _account.GetTradeHistoryAsync(since, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<LedgerEntry> GetLedgerAsync(string? currency = null, int pageSize = 20, CancellationToken cancellationToken = default) => _account.GetLedgerAsync(currency, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Deposit> GetDepositsAsync(IReadOnlyList<DepositStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default) => _account.GetDepositsAsync(statuses, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Withdrawal> GetWithdrawalsAsync(IReadOnlyList<WithdrawStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default) => _account.GetWithdrawalsAsync(statuses, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ApiKeyListEntry> GetApiKeysAsync(int pageSize = 20, CancellationToken cancellationToken = default) => _account.GetApiKeysAsync(pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<BrokerInfo>> GetBrokersAsync(string? country = null, CancellationToken cancellationToken = default) => _account.GetBrokersAsync(country, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<DepositMethod>> GetDepositMethodsAsync(int? brokerId = null, CancellationToken cancellationToken = default) => _account.GetDepositMethodsAsync(brokerId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<DepositMethodResponse> GetDepositMethodAsync(int depositMethodId, CancellationToken cancellationToken = default) => _account.GetDepositMethodAsync(depositMethodId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<DepositResponse> RequestDepositAsync(string? currency = null, int? depositMethodId = null, Amount? value = null, string? depositId = null, CancellationToken cancellationToken = default) => _account.RequestDepositAsync(currency, depositMethodId, value, depositId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<WithdrawResponse> RequestWithdrawalAsync(string currency, Amount amount, string method, JsonElement? data = null, CancellationToken cancellationToken = default) => _account.RequestWithdrawalAsync(currency, amount, method, data, cancellationToken);

    /// <inheritdoc />
    public virtual Task<WithdrawConfirmationResponse> ConfirmWithdrawalAsync(SecretString confirmationToken, CancellationToken cancellationToken = default) => _account.ConfirmWithdrawalAsync(confirmationToken, cancellationToken);

    /// <inheritdoc />
    public virtual Task<WithdrawConfirmationResponse> ConfirmWithdrawalAsync(long withdrawId, SecretString secondFactor, CancellationToken cancellationToken = default) => _account.ConfirmWithdrawalAsync(withdrawId, secondFactor, cancellationToken);

    /// <inheritdoc />
    public virtual Task<CancelWithdrawalResponse> CancelWithdrawalAsync(long withdrawId, CancellationToken cancellationToken = default) => _account.CancelWithdrawalAsync(withdrawId, cancellationToken);

    /// <inheritdoc />
    public virtual Task<WithdrawCommentResponse> CommentWithdrawalAsync(long withdrawId, string message, CancellationToken cancellationToken = default) => _account.CommentWithdrawalAsync(withdrawId, message, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<TradersRankEntry> GetTradersRankAsync(IReadOnlyList<string>? filter = null, int pageSize = 20, CancellationToken cancellationToken = default) => _account.GetTradersRankAsync(filter, pageSize, cancellationToken);

    /// <inheritdoc />
    public virtual Task<PositionResponse> GetPositionsAsync(CancellationToken cancellationToken = default) => _account.GetPositionsAsync(cancellationToken);

    /// <inheritdoc />
    public virtual Task<UpdateProfileResponse> UpdateProfileAsync(IReadOnlyDictionary<string, JsonElement> fields, CancellationToken cancellationToken = default) => _account.UpdateProfileAsync(fields, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ApiKeyCreateResponse> CreateApiKeyAsync(string label, PermissionList? permissions = null, IReadOnlyList<string>? ipWhiteList = null, bool? revocable = null, CancellationToken cancellationToken = default) => _account.CreateApiKeyAsync(label, permissions, ipWhiteList, revocable, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ApiKeyRevokeResponse> RevokeApiKeyAsync(string apiKey, CancellationToken cancellationToken = default) => _account.RevokeApiKeyAsync(apiKey, cancellationToken);

    // Account: the options overloads (every field of the account requests, a broker acting for a customer)
    /// <inheritdoc />
    public virtual Task<BalanceSnapshot> GetBalancesAsync(AccountOptions options, CancellationToken cancellationToken = default) => _account.GetBalancesAsync(options, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<TradeHistoryEntry> GetTradeHistoryAsync(TradeHistoryOptions options, CancellationToken cancellationToken = default) => _account.GetTradeHistoryAsync(options, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<LedgerEntry> GetLedgerAsync(LedgerOptions options, CancellationToken cancellationToken = default) => _account.GetLedgerAsync(options, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Deposit> GetDepositsAsync(DepositListOptions options, CancellationToken cancellationToken = default) => _account.GetDepositsAsync(options, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<Withdrawal> GetWithdrawalsAsync(WithdrawalListOptions options, CancellationToken cancellationToken = default) => _account.GetWithdrawalsAsync(options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<BrokerInfo>> GetBrokersAsync(BrokerListOptions options, CancellationToken cancellationToken = default) => _account.GetBrokersAsync(options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<DepositResponse> RequestDepositAsync(DepositOptions options, CancellationToken cancellationToken = default) => _account.RequestDepositAsync(options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<WithdrawResponse> RequestWithdrawalAsync(string currency, Amount amount, string method, WithdrawalOptions options, CancellationToken cancellationToken = default) => _account.RequestWithdrawalAsync(currency, amount, method, options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<CancelWithdrawalResponse> CancelWithdrawalAsync(long withdrawId, WithdrawalCancelOptions options, CancellationToken cancellationToken = default) => _account.CancelWithdrawalAsync(withdrawId, options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<PositionResponse> GetPositionsAsync(AccountOptions options, CancellationToken cancellationToken = default) => _account.GetPositionsAsync(options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<UpdateProfileResponse> UpdateProfileAsync(IReadOnlyDictionary<string, JsonElement> fields, AccountOptions options, CancellationToken cancellationToken = default) => _account.UpdateProfileAsync(fields, options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<TwoFactorResponse> DisableTwoFactorAsync(AccountOptions options, CancellationToken cancellationToken = default) => _account.DisableTwoFactorAsync(options, cancellationToken);
}
