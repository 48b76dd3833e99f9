using System.Text.Json;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client;

public partial interface IBlinkTradeClient
{
    /// <summary>Balance snapshots: after <see cref="GetBalancesAsync(CancellationToken)"/> and after every unsolicited <c>U3</c> update
    /// (merged). A new subscriber first receives the latest snapshot.</summary>
    IObservable<BalanceSnapshot> Balances { get; }

    /// <summary>Unsolicited deposit changes (<c>U23</c>: created, confirmed, credited…).</summary>
    IObservable<DepositRefresh> DepositUpdates { get; }

    /// <summary>Unsolicited withdrawal changes (<c>U9</c>).</summary>
    IObservable<WithdrawRefresh> WithdrawalUpdates { get; }

    /// <summary>Unsolicited profile changes (<c>U40</c>).</summary>
    IObservable<ProfileRefresh> ProfileUpdates { get; }

    /// <summary>Requests the balances (<c>U2</c> → <c>U3</c>) and publishes them on <see cref="Balances"/>.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The snapshot.</returns>
    Task<BalanceSnapshot> GetBalancesAsync(CancellationToken cancellationToken = default);

    /// <summary>Requests the balances of an account (<c>U2</c> → <c>U3</c>): the session's own, which are also published
    /// on <see cref="Balances"/>, or — for a broker — a customer's (<see cref="AccountOptions.ClientId"/>, sent as
    /// <c>ClientID</c>), which are only returned.</summary>
    /// <param name="options">Which account.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The snapshot of that account.</returns>
    Task<BalanceSnapshot> GetBalancesAsync(AccountOptions options, CancellationToken cancellationToken = default);

    /// <summary>The user's orders (<c>U4</c> → <c>U5</c>), newest first, fetched page by page as enumerated.</summary>
    /// <param name="filter">Which orders.</param>
    /// <param name="pageSize">Rows per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The orders.</returns>
    IAsyncEnumerable<OrderListEntry> GetOrdersAsync(OrderListFilter filter = OrderListFilter.All, int pageSize = 40, CancellationToken cancellationToken = default);

    /// <summary>Recent public trades (<c>U32</c> → <c>U33</c>), newest first.</summary>
    /// <param name="since">A TradeID (trades after it) or, above 1 000 000 000, a unix time in seconds (G26); the last 24 h when <see langword="null"/>.</param>
    /// <param name="pageSize">Rows per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The trades.</returns>
    IAsyncEnumerable<TradeHistoryEntry> GetTradeHistoryAsync(long? since = null, int pageSize = 100, CancellationToken cancellationToken = default);

    /// <summary>Recent public trades (<c>U32</c> → <c>U33</c>), newest first, of some symbols (<c>SymbolList</c>) and
    /// matching search terms (<c>Filter</c>).</summary>
    /// <param name="options">Since, symbols, search terms and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The trades.</returns>
    IAsyncEnumerable<TradeHistoryEntry> GetTradeHistoryAsync(TradeHistoryOptions options, CancellationToken cancellationToken = default);

    /// <summary>The account's ledger (<c>U34</c> → <c>U35</c>), newest first.</summary>
    /// <param name="currency">Only this currency, when given.</param>
    /// <param name="pageSize">Rows per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The ledger entries.</returns>
    IAsyncEnumerable<LedgerEntry> GetLedgerAsync(string? currency = null, int pageSize = 20, CancellationToken cancellationToken = default);

    /// <summary>An account's ledger (<c>U34</c> → <c>U35</c>), newest first: the session's own or a broker's customer's
    /// (<c>ClientID</c>), one currency (<c>Currency</c>), matching search terms (<c>Filter</c>).</summary>
    /// <param name="options">Account, currency, search terms and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The ledger entries.</returns>
    IAsyncEnumerable<LedgerEntry> GetLedgerAsync(LedgerOptions options, CancellationToken cancellationToken = default);

    /// <summary>The account's deposits (<c>U30</c> → <c>U31</c>).</summary>
    /// <param name="statuses">Only these statuses (at most 5), when given.</param>
    /// <param name="pageSize">Rows per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The deposits.</returns>
    IAsyncEnumerable<Deposit> GetDepositsAsync(IReadOnlyList<DepositStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default);

    /// <summary>An account's deposits (<c>U30</c> → <c>U31</c>), newest first: the session's own or a broker's
    /// customer's (<c>ClientID</c>), in some statuses (<c>StatusList</c>), matching search terms (<c>Filter</c>).</summary>
    /// <param name="options">Account, statuses, search terms and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The deposits.</returns>
    IAsyncEnumerable<Deposit> GetDepositsAsync(DepositListOptions options, CancellationToken cancellationToken = default);

    /// <summary>The account's withdrawals (<c>U26</c> → <c>U27</c>).</summary>
    /// <param name="statuses">Only these statuses (at most 5), when given.</param>
    /// <param name="pageSize">Rows per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The withdrawals.</returns>
    IAsyncEnumerable<Withdrawal> GetWithdrawalsAsync(IReadOnlyList<WithdrawStatus>? statuses = null, int pageSize = 20, CancellationToken cancellationToken = default);

    /// <summary>An account's withdrawals (<c>U26</c> → <c>U27</c>), newest first: the session's own or a broker's
    /// customer's (<c>ClientID</c>), in some statuses (<c>StatusList</c>), matching search terms (<c>Filter</c>).</summary>
    /// <param name="options">Account, statuses, search terms and page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The withdrawals.</returns>
    IAsyncEnumerable<Withdrawal> GetWithdrawalsAsync(WithdrawalListOptions options, CancellationToken cancellationToken = default);

    /// <summary>The user's active WebSocket/REST API keys (<c>U50</c> → <c>U51</c>); secrets are never listed.</summary>
    /// <param name="pageSize">Rows per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The keys.</returns>
    IAsyncEnumerable<ApiKeyListEntry> GetApiKeysAsync(int pageSize = 20, CancellationToken cancellationToken = default);

    /// <summary>The broker directory (<c>U28</c> → <c>U29</c>; public).</summary>
    /// <param name="country">Only brokers of this country, when given.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The brokers.</returns>
    Task<IReadOnlyList<BrokerInfo>> GetBrokersAsync(string? country = null, CancellationToken cancellationToken = default);

    /// <summary>The broker directory (<c>U28</c> → <c>U29</c>; public) of one country (<c>Country</c>), in some statuses
    /// (<c>StatusList</c>).</summary>
    /// <param name="options">Country and statuses.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The brokers.</returns>
    Task<IReadOnlyList<BrokerInfo>> GetBrokersAsync(BrokerListOptions options, CancellationToken cancellationToken = default);

    /// <summary>Creates or looks up a deposit (<c>U18</c> → <c>U19</c>): <paramref name="currency"/> alone creates a crypto
    /// deposit address; <paramref name="depositMethodId"/> with <paramref name="value"/> a fiat deposit;
    /// <paramref name="depositId"/> looks one up.</summary>
    /// <param name="currency">The currency of a new crypto deposit.</param>
    /// <param name="depositMethodId">The broker's deposit method of a fiat deposit.</param>
    /// <param name="value">The declared amount of a fiat deposit.</param>
    /// <param name="depositId">An existing deposit to look up.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The deposit (<c>DepositID</c> "-1" when not found).</returns>
    Task<DepositResponse> RequestDepositAsync(string? currency = null, int? depositMethodId = null, Amount? value = null, string? depositId = null, CancellationToken cancellationToken = default);

    /// <summary>Creates, looks up or acts on a deposit (<c>U18</c> → <c>U19</c>) with every field the request has:
    /// <c>Currency</c>, <c>DepositMethodID</c>, <c>Value</c>, <c>DepositID</c>, <c>ClOrdID</c>, <c>Action</c> and
    /// <c>Instructions</c> (<see cref="DepositOptions"/>).</summary>
    /// <param name="options">The request; at least one of currency, deposit method and deposit id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The deposit (<c>DepositID</c> "-1" when not found).</returns>
    Task<DepositResponse> RequestDepositAsync(DepositOptions options, CancellationToken cancellationToken = default);

    /// <summary>A broker's deposit methods (<c>U20</c> → <c>U21</c>; public).</summary>
    /// <param name="brokerId">The broker; by default the logged-in user's (or <see cref="BlinkTradeClientOptions.BrokerId"/> when anonymous).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The methods.</returns>
    Task<IReadOnlyList<DepositMethod>> GetDepositMethodsAsync(int? brokerId = null, CancellationToken cancellationToken = default);

    /// <summary>One deposit method in detail (<c>U48</c> → <c>U49</c>; public).</summary>
    /// <param name="depositMethodId">The method.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The method; <see cref="DepositMethodResponse.IsNotFound"/> when it does not exist.</returns>
    Task<DepositMethodResponse> GetDepositMethodAsync(int depositMethodId, CancellationToken cancellationToken = default);

    /// <summary>Requests a withdrawal (<c>U6</c> → <c>U7</c>).</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="method">A method of the broker's withdraw structure, e.g. <c>bitcoin</c>.</param>
    /// <param name="data">Method fields, e.g. <c>{"Wallet":"…"}</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The withdrawal.</returns>
    Task<WithdrawResponse> RequestWithdrawalAsync(string currency, Amount amount, string method, JsonElement? data = null, CancellationToken cancellationToken = default);

    /// <summary>Requests a withdrawal (<c>U6</c> → <c>U7</c>) with its optional fields: <c>Data</c> and the caller's
    /// reference <c>ClOrdID</c>.</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="method">A method of the broker's withdraw structure, e.g. <c>bitcoin</c>.</param>
    /// <param name="options">Method fields and the caller's reference.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The withdrawal.</returns>
    Task<WithdrawResponse> RequestWithdrawalAsync(string currency, Amount amount, string method, WithdrawalOptions options, CancellationToken cancellationToken = default);

    /// <summary>Confirms a withdrawal with the token the broker e-mailed (<c>U24</c> → <c>U25</c>): status unconfirmed → pending.</summary>
    /// <param name="confirmationToken">The e-mailed token (never logged).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The withdrawal in its new state; a wrong token leaves the status unchanged (check <c>Status</c>).</returns>
    Task<WithdrawConfirmationResponse> ConfirmWithdrawalAsync(SecretString confirmationToken, CancellationToken cancellationToken = default);

    /// <summary>Confirms a withdrawal with a second-factor code (<c>U24</c> → <c>U25</c>).</summary>
    /// <param name="withdrawId">The withdrawal.</param>
    /// <param name="secondFactor">The current TOTP code (never logged).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The withdrawal in its new state; a wrong code leaves the status unchanged (check <c>Status</c>).</returns>
    Task<WithdrawConfirmationResponse> ConfirmWithdrawalAsync(long withdrawId, SecretString secondFactor, CancellationToken cancellationToken = default);

    /// <summary>Cancels one of the user's withdrawals that is not in progress yet (<c>U70</c> → <c>U71</c>); the amount is unlocked.</summary>
    /// <param name="withdrawId">The withdrawal.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The cancelled withdrawal; a withdrawal already in progress fails with <see cref="Requests.BlinkTradeErrorException"/>.</returns>
    Task<CancelWithdrawalResponse> CancelWithdrawalAsync(long withdrawId, CancellationToken cancellationToken = default);

    /// <summary>Cancels one of the user's withdrawals (<c>U70</c> → <c>U71</c>) with the caller's reference of the cancel
    /// (<c>ClOrdID</c>), which the reply echoes.</summary>
    /// <param name="withdrawId">The withdrawal.</param>
    /// <param name="options">The caller's reference.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The cancelled withdrawal.</returns>
    Task<CancelWithdrawalResponse> CancelWithdrawalAsync(long withdrawId, WithdrawalCancelOptions options, CancellationToken cancellationToken = default);

    /// <summary>Adds a comment to one of the user's withdrawals, e.g. a note for the broker (<c>U78</c> → <c>U79</c>).</summary>
    /// <param name="withdrawId">The withdrawal.</param>
    /// <param name="message">The comment.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The acknowledgement.</returns>
    Task<WithdrawCommentResponse> CommentWithdrawalAsync(long withdrawId, string message, CancellationToken cancellationToken = default);

    /// <summary>Traders ranked by balance (<c>U36</c> → <c>U37</c>), highest first.</summary>
    /// <param name="filter">Server filters, e.g. <c>["Currency eq BTC"]</c> on the reference exchange.</param>
    /// <param name="pageSize">Rows per request.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The ranking.</returns>
    IAsyncEnumerable<TradersRankEntry> GetTradersRankAsync(IReadOnlyList<string>? filter = null, int pageSize = 20, CancellationToken cancellationToken = default);

    /// <summary>Reads the user's positions per broker and currency (<c>U42</c> → <c>U43</c>).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The positions.</returns>
    Task<PositionResponse> GetPositionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads an account's positions (<c>U42</c> → <c>U43</c>): the session's own or a broker's customer's
    /// (<c>ClientID</c>).</summary>
    /// <param name="options">Which account.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The positions.</returns>
    Task<PositionResponse> GetPositionsAsync(AccountOptions options, CancellationToken cancellationToken = default);

    /// <summary>Updates profile fields (<c>U38</c> → <c>U39</c>).</summary>
    /// <param name="fields">Field names and new values.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The updated profile.</returns>
    Task<UpdateProfileResponse> UpdateProfileAsync(IReadOnlyDictionary<string, JsonElement> fields, CancellationToken cancellationToken = default);

    /// <summary>Updates profile fields (<c>U38</c> → <c>U39</c>) of the session's own account or — for a broker — of a
    /// customer's (<see cref="AccountOptions.ClientId"/>, sent as <c>UserID</c>); a broker may change more fields of a
    /// customer (fees, verification) than a user of himself.</summary>
    /// <param name="fields">Field names and new values.</param>
    /// <param name="options">Whose profile.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The updated profile.</returns>
    Task<UpdateProfileResponse> UpdateProfileAsync(IReadOnlyDictionary<string, JsonElement> fields, AccountOptions options, CancellationToken cancellationToken = default);

    /// <summary>Turns two-factor authentication off (<c>U16</c> with <c>Enable:false</c> → <c>U17</c>) for the session's own
    /// account or — for a broker — a customer's (<see cref="AccountOptions.ClientId"/>, sent as <c>ClientID</c>).
    /// Turning it on for someone else is not possible: it needs the customer's code (use
    /// <see cref="SetTwoFactorAsync"/> as the user).</summary>
    /// <param name="options">Whose account.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server's <c>U17</c> (<c>TwoFactorEnabled</c> false).</returns>
    Task<TwoFactorResponse> DisableTwoFactorAsync(AccountOptions options, CancellationToken cancellationToken = default);

    /// <summary>Creates an API key (<c>U52</c> → <c>U53</c>). The response holds the API secret and password: the only
    /// time they are returned.</summary>
    /// <param name="label">A label (≤ 15 characters).</param>
    /// <param name="permissions">The permission list; none when <see langword="null"/>.</param>
    /// <param name="ipWhiteList">Allowed client IPs; any when <see langword="null"/>.</param>
    /// <param name="revocable">Whether the key can be revoked (default true).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The new key.</returns>
    Task<ApiKeyCreateResponse> CreateApiKeyAsync(string label, PermissionList? permissions = null, IReadOnlyList<string>? ipWhiteList = null, bool? revocable = null, CancellationToken cancellationToken = default);

    /// <summary>Revokes an API key (<c>U54</c> → <c>U55</c>).</summary>
    /// <param name="apiKey">The key.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server's answer (<c>Status</c> 0).</returns>
    Task<ApiKeyRevokeResponse> RevokeApiKeyAsync(string apiKey, CancellationToken cancellationToken = default);
}
