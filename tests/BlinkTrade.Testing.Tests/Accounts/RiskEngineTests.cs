using BlinkTrade.Testing.Accounts;

namespace BlinkTrade.Testing.Tests.Accounts;

/// <summary>The risk engine on its own, without books or orders: pre-trade checks, holds and trade settlement.</summary>
public sealed class RiskEngineTests
{
    private const int Broker = 5;
    private const int FeeUser = 999;
    private const long Coin = 100_000_000;

    [Fact]
    public void Pre_trade_check_holds_base_for_a_sell_and_the_floored_notional_for_a_priced_buy()
    {
        var (risk, btc, usd) = NewRisk();
        risk.CreditDeposit(Broker, 1, "BTC", 2 * Coin, 0, 0, 0);
        risk.CreditDeposit(Broker, 1, "USD", 100 * Coin, 0, 0, 0);
        var account = risk.Accounts.GetOrOpen(Broker, 1, out var index);

        Assert.True(risk.PreTradeCheck(index, buy: false, price: 0, quantity: 2 * Coin, immediateMarketBuy: false, btc, usd, out var sellHold));
        Assert.False(risk.PreTradeCheck(index, buy: false, price: 0, quantity: (2 * Coin) + 1, immediateMarketBuy: false, btc, usd, out _));
        // 0.33333333 BTC at 300.00000001 USD: floor(price × qty / 1e8).
        Assert.True(risk.PreTradeCheck(index, buy: true, price: (300 * Coin) + 1, quantity: 33_333_333, immediateMarketBuy: false, btc, usd, out var buyHold));
        Assert.Equal((2 * Coin, 9_999_999_900L), (sellHold, buyHold));
        Assert.NotNull(account);
    }

    [Fact]
    public void A_buy_without_a_price_holds_nothing_and_only_an_immediate_market_buy_needs_quote_now()
    {
        var (risk, btc, usd) = NewRisk();
        risk.Accounts.GetOrOpen(Broker, 1, out var index);

        Assert.True(risk.PreTradeCheck(index, buy: true, price: 0, quantity: Coin, immediateMarketBuy: false, btc, usd, out var stopHold));
        Assert.False(risk.PreTradeCheck(index, buy: true, price: 0, quantity: Coin, immediateMarketBuy: true, btc, usd, out _));
        risk.CreditDeposit(Broker, 1, "USD", 1, 0, 0, 0);
        Assert.True(risk.PreTradeCheck(index, buy: true, price: 0, quantity: Coin, immediateMarketBuy: true, btc, usd, out var marketHold));
        Assert.Equal((0L, 0L), (stopHold, marketHold));
        Assert.Equal(0, risk.AffordableQuantity(risk.Accounts.AccountAt(index), usd, 600 * Coin)); // 1 satoshi of USD buys nothing at 600
    }

    [Fact]
    public void Settling_a_trade_moves_money_between_the_parties_and_fees_to_the_broker_and_conserves_every_satoshi()
    {
        var (risk, btc, usd) = NewRisk(new FeeRates { MakerBuyBps = 10, MakerSellBps = 10, TakerBuyBps = 20, TakerSellBps = 20 });
        risk.CreditDeposit(Broker, 1, "USD", 1_000 * Coin, 0, 0, 0); // buyer
        risk.CreditDeposit(Broker, 2, "BTC", 3 * Coin, 0, 0, 0);     // seller
        risk.Accounts.GetOrOpen(Broker, 1, out var buyerIndex);
        risk.Accounts.GetOrOpen(Broker, 2, out var sellerIndex);
        risk.Hold(buyerIndex, usd, 610 * Coin); // a bid of 1 BTC at 610
        risk.Hold(sellerIndex, btc, Coin);      // an offer of 1 BTC
        var ledgerBefore = risk.Accounts.LedgerCount;

        // The seller takes the bid at 600: the buyer's whole hold of 610 goes, 600 of it paid and 10 of price improvement released.
        var (buyerMaker, _) = risk.FeeRates(buyerIndex, buy: true);
        var (_, sellerTaker) = risk.FeeRates(sellerIndex, buy: false);
        risk.SettleTrade(buyerIndex, sellerIndex, btc, usd, Coin, 600 * Coin, buyerRelease: 610 * Coin, buyerMaker, sellerTaker, aggressorId: 2, restingId: 1, timestamp: 0);

        Assert.Equal(new Balance(400 * Coin, 0), risk.Accounts.GetBalance(Broker, 1, "USD"));
        Assert.Equal(new Balance(Coin - (Coin / 1_000), 0), risk.Accounts.GetBalance(Broker, 1, "BTC"));            // 10 bps maker fee in base
        Assert.Equal(new Balance((600 * Coin) - (600 * Coin / 500), 0), risk.Accounts.GetBalance(Broker, 2, "USD")); // 20 bps taker fee in quote
        Assert.Equal(new Balance(2 * Coin, 0), risk.Accounts.GetBalance(Broker, 2, "BTC"));
        Assert.Equal(new Balance(Coin / 1_000, 0), risk.Accounts.GetBalance(Broker, FeeUser, "BTC"));
        Assert.Equal(new Balance(600 * Coin / 500, 0), risk.Accounts.GetBalance(Broker, FeeUser, "USD"));
        Assert.Equal((1_000 * Coin, 3 * Coin), (risk.Accounts.TotalInCirculation("USD"), risk.Accounts.TotalInCirculation("BTC")));
        Assert.Equal(8, risk.Accounts.LedgerCount - ledgerBefore); // 2 × (pay, receive) + 2 × (fee debit, fee credit)
    }

    private static (RiskEngine Risk, int Btc, int Usd) NewRisk(FeeRates fees = default)
    {
        var risk = new RiskEngine(new BalanceChangeLog(16), 1024);
        risk.Accounts.RegisterBroker(new BrokerConfig(Broker, FeeUser, fees));
        risk.Accounts.RegisterCurrency("BTC");
        risk.Accounts.RegisterCurrency("USD");
        risk.Accounts.TryGetCurrency("BTC", out var btc);
        risk.Accounts.TryGetCurrency("USD", out var usd);
        return (risk, btc, usd);
    }
}
