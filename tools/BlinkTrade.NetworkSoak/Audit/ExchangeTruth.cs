using BlinkTrade.Client;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.NetworkSoak.Audit;

/// <summary>What the exchange says happened to alice, read after the run by a clean session connected directly (no
/// proxy): every order (U4), the trade history, the ledger and the balances.</summary>
internal sealed class ExchangeTruth
{
    public Dictionary<long, OrderListEntry> Orders { get; } = [];

    public List<TradeHistoryEntry> Trades { get; } = [];

    public List<LedgerEntry> Ledger { get; } = [];

    public BalanceSnapshot Balances { get; private set; } = null!;

    /// <summary>alice's account, as the ledger names it (trades name buyer and seller by account).</summary>
    public long? AccountId => Ledger.FirstOrDefault()?.AccountID;

    public static async Task<ExchangeTruth> ReadAsync(BlinkTradeClient auditor)
    {
        var truth = new ExchangeTruth();
        await foreach (var order in auditor.GetOrdersAsync(OrderListFilter.All, pageSize: 100))
        {
            truth.Orders[order.OrderID!.Value] = order;
        }
        await foreach (var trade in auditor.GetTradeHistoryAsync(pageSize: 100))
        {
            truth.Trades.Add(trade);
        }
        await foreach (var row in auditor.GetLedgerAsync(pageSize: 100))
        {
            truth.Ledger.Add(row);
        }
        truth.Balances = await auditor.GetBalancesAsync();
        return truth;
    }
}
