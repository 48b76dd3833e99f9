namespace BlinkTrade.Client.Account;

/// <summary>
/// Which account a request is about: by default the session's own; a broker may name one of its customers
/// (PROTOCOL.md §2.2, §2.6). The base of every account request's options (<see cref="LedgerOptions"/>,
/// <see cref="DepositListOptions"/>, <see cref="WithdrawalListOptions"/>), and the options of
/// <see cref="IBlinkTradeClient.GetBalancesAsync(AccountOptions, CancellationToken)"/> (<c>U2</c>),
/// <see cref="IBlinkTradeClient.GetPositionsAsync(AccountOptions, CancellationToken)"/> (<c>U42</c>),
/// <see cref="IBlinkTradeClient.UpdateProfileAsync(IReadOnlyDictionary{string, System.Text.Json.JsonElement}, AccountOptions, CancellationToken)"/>
/// (<c>U38</c>) and <see cref="IBlinkTradeClient.DisableTwoFactorAsync(AccountOptions, CancellationToken)"/> (<c>U16</c>).
/// </summary>
public record AccountOptions
{
    /// <summary>
    /// A broker acting for one of its customers: the customer's user id, sent as <c>ClientID</c> (<c>U2</c>,
    /// <c>U16</c>, <c>U26</c>, <c>U30</c>, <c>U34</c>, <c>U42</c>) or <c>UserID</c> (<c>U38</c>). <see langword="null"/>
    /// (the default) is the session's own account. A user who is not a broker may only name himself; a broker naming
    /// someone who is not its customer, or anyone naming an unknown user, fails with
    /// <see cref="Requests.BlinkTradeErrorException"/> (<c>Not authorized</c> / <c>Invalid ClientID</c>); an API-key
    /// session is further limited by its <c>PermissionList</c>, which may filter on this field.
    /// </summary>
    public long? ClientId { get; init; }
}
