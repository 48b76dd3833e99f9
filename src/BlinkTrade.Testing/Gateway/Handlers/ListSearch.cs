using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Gateway.Funding;
using BlinkTrade.Testing.Gateway.MarketData;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>
/// What one search term of a list's <c>Filter</c> matches in a row (PROTOCOL.md §5 G42), in one place for the four lists.
/// Deposits and withdrawals follow bitex (<c>bx:models</c>: text in <c>Data</c>, the currency, the deposit method; a
/// number as an amount in whole units) plus their ids and <c>ClOrdID</c>; the ledger follows §2.2 (names, reference,
/// amount, balance); trades, where bitex reads the Filter and ignores it, match their symbol or a buyer/seller id.
/// </summary>
internal static class ListSearch
{
    /// <summary>A U31 row: text in Data, its currency, method name, DepositID or ClOrdID; a number as Value or PaidValue.</summary>
    public static bool Deposit(DepositRecord deposit, SearchTerm term)
        => term.In(deposit.Data.GetRawText()) || term.Is(deposit.Currency) || term.Is(deposit.DepositMethodName) ||
           term.Is(deposit.DepositId) || term.Is(deposit.ClOrdId) || term.IsAmount(deposit.Value) || term.IsAmount(deposit.PaidValue);

    /// <summary>A U27 row: text in Data, its currency, method or ClOrdID; a number as its WithdrawID or Amount.</summary>
    public static bool Withdrawal(WithdrawRecord withdrawal, SearchTerm term)
        => (withdrawal.Data is { } data && term.In(data.GetRawText())) || term.Is(withdrawal.Currency) || term.Is(withdrawal.Method) ||
           term.Is(withdrawal.ClOrdId) || term.IsId(withdrawal.WithdrawId) || term.IsAmount(withdrawal.Amount);

    /// <summary>A U35 row: the account's, payee's or broker's name or the Reference contain it; a number as Amount or Balance.</summary>
    public static bool Ledger(ExchangeState state, in LedgerEntry entry, string accountName, SearchTerm term)
        => term.In(accountName) || term.In(entry.FormatReference()) || term.IsAmount(entry.Amount) || term.IsAmount(entry.Balance) ||
           term.In(state.Directory.FindUser(entry.PayeeUserId)?.Username) ||
           term.In(state.Directory.FindBroker(entry.BrokerId)?.Name) || term.In(state.Directory.FindBroker(entry.PayeeBrokerId)?.Name);

    /// <summary>A U33 row: its symbol (Market); a whole number as its Buyer or Seller account id.</summary>
    public static bool Trade(TradeRecord trade, SearchTerm term)
        => term.Is(trade.Symbol) || term.IsId(trade.BuyerId) || term.IsId(trade.SellerId);
}
