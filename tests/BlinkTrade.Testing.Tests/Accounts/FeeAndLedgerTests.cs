using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Tests.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Accounts;

public class FeeAndLedgerTests
{
    private static readonly FeeRates BrokerRates = new() { MakerBuyBps = 20, MakerSellBps = 20, TakerBuyBps = 50, TakerSellBps = 50 };

    [Fact]
    public void Maker_and_taker_pay_their_rates_in_the_currency_they_receive_to_the_broker_fee_account()
    {
        var x = new TestExchange(brokerFees: BrokerRates);
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 600 * Coin);   // maker seller: 20 bps of 600 USD = 1.2 USD
        x.Limit(2, Side.Buy, Coin, 600 * Coin);    // taker buyer: 50 bps of 1 BTC = 0.005 BTC

        Assert.Equal(1_000_000 * Coin + (600 * Coin) - 120_000_000, x.Balance(1, "USD").Total);
        Assert.Equal((100 * Coin) + Coin - 500_000, x.Balance(2, "BTC").Total);
        Assert.Equal(120_000_000, x.Balance(FeeUser, "USD").Total);
        Assert.Equal(500_000, x.Balance(FeeUser, "BTC").Total);
    }

    [Fact]
    public void User_rate_overrides_the_broker_and_null_taker_falls_back_to_maker()
    {
        var x = new TestExchange(brokerFees: BrokerRates);
        x.Engine.Accounts.SetUserFees(Broker, 2, new FeeRates { MakerBuyBps = 10, MakerSellBps = 10 });
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 600 * Coin);
        x.Limit(2, Side.Buy, Coin, 600 * Coin);    // taker, user taker null → user maker 10 bps
        Assert.Equal((100 * Coin) + Coin - 100_000, x.Balance(2, "BTC").Total);
    }

    [Fact]
    public void Fees_are_floored()
    {
        var x = new TestExchange(brokerFees: FeeRates.Flat(60));
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, 10_001, 100 * Coin);
        x.Limit(2, Side.Buy, 10_001, 100 * Coin);
        Assert.Equal(60, x.Balance(FeeUser, "BTC").Total);         // floor(10001 × 60 / 10000) = 60
        Assert.Equal(6_000, x.Balance(FeeUser, "USD").Total);      // notional floor(100e8 × 10001 / 1e8) = 1000100 → 6000.6
    }

    [Fact]
    public void Every_fill_writes_trade_and_fee_ledger_rows_newest_first_with_running_balances()
    {
        var x = new TestExchange(brokerFees: BrokerRates);
        x.Fund(1);
        x.Fund(2);
        var maker = x.Limit(1, Side.Sell, Coin, 600 * Coin);
        var taker = x.Limit(2, Side.Buy, Coin, 600 * Coin);

        var rows = x.Engine.Accounts.GetLedger(Broker, 2);
        Assert.Equal(
            [(LedgerKind.TradeFee, "BTC", LedgerOperation.Debit, 500_000L), (LedgerKind.Trade, "BTC", LedgerOperation.Credit, Coin), (LedgerKind.Trade, "USD", LedgerOperation.Debit, 600 * Coin),
             (LedgerKind.Deposit, "USD", LedgerOperation.Credit, 1_000_000 * Coin), (LedgerKind.Deposit, "BTC", LedgerOperation.Credit, 100 * Coin)],
            rows.Select(r => (r.Kind, r.Currency, r.Operation, r.Amount)));
        Assert.Equal($"{taker}.{maker}", rows[0].FormatReference());
        Assert.Equal((1, FeeUser), (rows[1].PayeeUserId, rows[0].PayeeUserId));
        Assert.Equal(x.Balance(2, "BTC").Total, rows[0].Balance);
        Assert.Equal(rows.Select(r => r.LedgerId).OrderDescending(), rows.Select(r => r.LedgerId));

        var usdOnly = x.Engine.Accounts.GetLedger(Broker, 2, "USD", page: 0, pageSize: 1);
        Assert.Equal(LedgerKind.Trade, Assert.Single(usdOnly).Kind);
        var feeRows = x.Engine.Accounts.GetLedger(Broker, FeeUser);
        Assert.Equal(2, feeRows.Count);
        Assert.All(feeRows, r => Assert.Equal((LedgerKind.TradeFee, LedgerOperation.Credit), (r.Kind, r.Operation)));
    }

    [Fact]
    public void Trades_are_recorded_for_trade_history_newest_first()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(1, Side.Sell, Coin, 101 * Coin);
        x.Limit(2, Side.Buy, 2 * Coin, 101 * Coin);
        var trades = x.Engine.GetTrades();
        Assert.Equal([101 * Coin, 100 * Coin], trades.Select(t => t.Price));
        Assert.Single(x.Engine.GetTrades(sinceTradeId: trades[1].TradeId));
    }
}
