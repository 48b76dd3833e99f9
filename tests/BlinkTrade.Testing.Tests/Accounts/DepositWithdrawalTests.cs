using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Tests.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Accounts;

public class DepositWithdrawalTests
{
    [Fact]
    public void Deposit_credits_the_amount_and_moves_the_fee_to_the_broker()
    {
        var x = new TestExchange();
        x.Engine.CreditDeposit(Broker, 7, "BTC", Coin, fee: 1_000, depositId: 42);

        Assert.Equal(new Balance(Coin - 1_000, 0), x.Balance(7, "BTC"));
        Assert.Equal(1_000, x.Balance(FeeUser, "BTC").Total);
        var rows = x.Engine.Accounts.GetLedger(Broker, 7);
        Assert.Equal([(LedgerKind.DepositFee, LedgerOperation.Debit, 1_000L), (LedgerKind.Deposit, LedgerOperation.Credit, Coin)], rows.Select(r => (r.Kind, r.Operation, r.Amount)));
        Assert.All(rows, r => Assert.Equal("42", r.FormatReference()));
        Assert.Equal(Coin - 1_000, x.Events.BalanceChanges[^2].Total);
    }

    [Fact]
    public void Withdrawal_locks_at_request_then_debits_amount_and_fee_on_completion()
    {
        var x = new TestExchange();
        x.Fund(7, btc: 2 * Coin, usd: 0);
        Assert.True(x.Engine.RequestWithdrawal(9, Broker, 7, "BTC", Coin, fee: 5_000));
        Assert.Equal(new Balance(2 * Coin, Coin + 5_000), x.Balance(7, "BTC"));

        // Locked funds cannot be used by orders.
        x.Limit(7, Side.Sell, Coin, 100 * Coin);
        Assert.Equal(OrderRejectReason.OrderExceedsLimit, x.SingleReport().OrdRejReason);

        Assert.True(x.Engine.CompleteWithdrawal(9));
        Assert.Equal(new Balance(Coin - 5_000, 0), x.Balance(7, "BTC"));
        Assert.Equal(5_000, x.Balance(FeeUser, "BTC").Total);
        Assert.Equal([LedgerKind.WithdrawalFee, LedgerKind.Withdrawal], x.Engine.Accounts.GetLedger(Broker, 7).Take(2).Select(r => r.Kind));
        Assert.False(x.Engine.CompleteWithdrawal(9));
    }

    [Fact]
    public void Cancelled_withdrawal_only_unlocks()
    {
        var x = new TestExchange();
        x.Fund(7, btc: 2 * Coin, usd: 0);
        var ledger = x.Engine.Accounts.LedgerCount;
        Assert.True(x.Engine.RequestWithdrawal(9, Broker, 7, "BTC", Coin));
        Assert.True(x.Engine.CancelWithdrawal(9));
        Assert.Equal(new Balance(2 * Coin, 0), x.Balance(7, "BTC"));
        Assert.Equal(ledger, x.Engine.Accounts.LedgerCount);
        Assert.Empty(x.Engine.Accounts.PendingWithdrawals);
    }

    [Fact]
    public void Withdrawal_beyond_the_available_balance_is_refused_without_changes()
    {
        var x = new TestExchange();
        x.Fund(7, btc: Coin, usd: 0);
        x.Limit(7, Side.Sell, Coin / 2, 100 * Coin);
        Assert.False(x.Engine.RequestWithdrawal(9, Broker, 7, "BTC", Coin / 2, fee: 1));
        Assert.Equal(new Balance(Coin, Coin / 2), x.Balance(7, "BTC"));
        Assert.False(x.Engine.RequestWithdrawal(10, Broker, 8, "BTC", 1));
    }

    [Fact]
    public void Balances_report_total_locked_and_available_per_currency()
    {
        var x = new TestExchange();
        x.Fund(7, btc: Coin, usd: 1_000 * Coin);
        x.Limit(7, Side.Buy, Coin, 100 * Coin);
        var balances = x.Engine.Accounts.GetBalances(Broker, 7);
        Assert.Equal(new Balance(1_000 * Coin, 100 * Coin), balances["USD"]);
        Assert.Equal(900 * Coin, balances["USD"].Available);
        Assert.Equal(new Balance(Coin, 0), balances["BTC"]);
        var change = Assert.Single(x.Events.BalanceChanges.ToArray());
        Assert.Equal(("USD", 1_000 * Coin, 100 * Coin), (change.Currency, change.Total, change.Locked));
    }

    [Fact]
    public void Deposit_fee_without_a_broker_fee_account_is_refused_before_anything_moves()
    {
        var engine = new MatchingEngine();
        Assert.Throws<InvalidOperationException>(() => engine.CreditDeposit(77, 1, "BTC", Coin, fee: 1));
        Assert.Equal(0, engine.Accounts.TotalInCirculation("BTC"));
        Assert.Equal(0, engine.Accounts.LedgerCount);
    }

    [Fact]
    public void Balances_survive_the_currency_table_growing()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Limit(1, Side.Buy, Coin, 100 * Coin);
        for (var i = 0; i < 20; i++)
        {
            x.Engine.CreditDeposit(Broker, 2 + (i % 3), "C" + i, (i + 1) * Coin);
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(new Balance((i + 1) * Coin, 0), x.Balance(2 + (i % 3), "C" + i));
        }

        Assert.Equal(new Balance(1_000_000 * Coin, 100 * Coin), x.Balance(1, "USD"));
        Assert.Equal(22, x.Engine.Accounts.Currencies.Count);
    }
}
