using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Ledger and trade history against real trades (paged), and the password-reset flow.</summary>
public sealed class HistoryAndRecoveryTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Ledger_and_trade_history_explain_the_balances_after_real_trades(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 10 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.8.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.8.2");
        const int trades = 12;
        for (var i = 0; i < trades; i++)
        {
            await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.1m), Price.FromDecimal(600m + i)), ct);
            var buy = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(600m + i)), ct);
            await Wait.Eventually(() => alice.Orders.TryGet(buy.OrderID, out var r) && r.OrdStatus == OrdStatus.Filled, what: $"trade {i}");
        }

        var history = new List<TradeHistoryEntry>();
        await foreach (var t in alice.GetTradeHistoryAsync(pageSize: 5, cancellationToken: ct))
        {
            history.Add(t);
        }
        Assert.Equal(trades, history.Count);
        Assert.Equal(trades, history.Select(x => x.TradeID).Distinct().Count());
        Assert.All(history, x => Assert.Equal(Quantity.FromDecimal(0.1m), x.Size));
        Assert.Equal(Enumerable.Range(0, trades).Select(i => Price.FromDecimal(600m + i)).OrderBy(p => p), history.Select(x => x.Price).OrderBy(p => p));

        var ledger = new List<LedgerEntry>();
        await foreach (var entry in alice.GetLedgerAsync(pageSize: 7, cancellationToken: ct))
        {
            ledger.Add(entry);
        }
        Assert.Equal(ledger.Count, ledger.Select(x => x.LedgerID).Distinct().Count());
        foreach (var currency in new[] { "USD", "BTC" })
        {
            var net = ledger.Where(x => x.Currency == currency)
                .Sum(x => x.Operation == LedgerOperation.Credit ? x.Amount!.Value.Satoshis : -x.Amount!.Value.Satoshis);
            Assert.Equal((await h.Exchange.GetBalanceAsync(aliceId, currency, ct)).Total.Satoshis, net);
        }
        Assert.Equal(trades, ledger.Count(x => x.Currency == "BTC" && x.Description == LedgerDescription.TradeFee));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_password_reset_through_the_emailed_token_lets_the_new_password_in(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", cancellationToken: ct);
        var anonymous = h.Client((BlinkTradeCredentials?)null);
        await anonymous.ConnectAsync(ct);

        Assert.True(await anonymous.RequestPasswordResetAsync("alice@example.com", ct));
        var token = await h.Exchange.GetPasswordResetTokenAsync("alice@example.com", ct);
        Assert.False(string.IsNullOrEmpty(token));
        var reset = await anonymous.ResetPasswordAsync(token!, "after-reset-pw-3", ct);
        Assert.Equal(UserStatus.LoggedIn, reset.UserStatus);

        await Assert.ThrowsAsync<BlinkTradeLoginException>(() => h.Client("alice").ConnectAsync(ct));
        var alice = h.Client("alice", "after-reset-pw-3");
        await alice.ConnectAsync(ct);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
    }
}
