using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Testing;

/// <summary>A user's balance in one currency as the control API sees it: the total and the part reserved by open orders
/// and pending withdrawals, in the client's exact amount type.</summary>
/// <param name="Total">The total balance (the wire's <c>&lt;CCY&gt;</c>).</param>
/// <param name="Locked">The reserved part (the wire's <c>&lt;CCY&gt;_locked</c>).</param>
public readonly record struct ExchangeBalance(Amount Total, Amount Locked)
{
    /// <summary>What can be spent: <see cref="Total"/> minus <see cref="Locked"/>.</summary>
    public Amount Available => Total - Locked;

    internal static ExchangeBalance From(Accounts.Balance balance) => new(new Amount(balance.Total), new Amount(balance.Locked));
}
