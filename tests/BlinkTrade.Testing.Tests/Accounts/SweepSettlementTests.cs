using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Tests.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Accounts;

/// <summary>A taker sweeping many makers with fees on: every satoshi conserved, four trade rows and four fee rows per fill,
/// and the command's balance changes one per touched (account, currency) carrying the final balances.</summary>
public class SweepSettlementTests
{
    private static readonly FeeRates Fees = new() { MakerBuyBps = 7, MakerSellBps = 11, TakerBuyBps = 23, TakerSellBps = 29 };

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void A_sweep_with_fees_conserves_money_writes_per_fill_rows_and_reports_each_touched_balance_once(bool takerBuys, bool market)
    {
        var takerSide = takerBuys ? Side.Buy : Side.Sell;
        var x = new TestExchange(SelfTradePrevention.None, Fees);
        const int Makers = 12;
        for (var user = 1; user <= Makers + 1; user++)
        {
            x.Fund(user, btc: 50 * Coin, usd: 500_000 * Coin);
        }

        var makerSide = takerSide == Side.Buy ? Side.Sell : Side.Buy;
        for (var i = 0; i < Makers; i++)
        {
            // Odd quantities and prices, two makers per price, so notionals and fees floor.
            var price = (600 * Coin) + ((takerSide == Side.Buy ? 1 : -1) * (i / 2) * 37 * Cent);
            x.Limit(1 + i, makerSide, (Coin / 3) + (i * 1_234_567), price);
        }

        var btc = x.Engine.Accounts.TotalInCirculation("BTC");
        var usd = x.Engine.Accounts.TotalInCirculation("USD");
        var ledger = x.Engine.Accounts.LedgerCount;
        var taker = Makers + 1;
        var quantity = 6 * Coin; // more than the makers hold (≈ 4.8 BTC): every maker fills, the rest is cancelled
        if (market)
        {
            x.Market(taker, takerSide, quantity);
        }
        else
        {
            x.Limit(taker, takerSide, quantity, takerSide == Side.Buy ? 700 * Coin : 500 * Coin, TimeInForce.ImmediateOrCancel);
        }

        var fills = x.Events.Trades.Length;
        Assert.Equal(Makers, fills);
        Assert.Equal((btc, usd), (x.Engine.Accounts.TotalInCirculation("BTC"), x.Engine.Accounts.TotalInCirculation("USD")));
        Assert.Equal(fills * 8, x.Engine.Accounts.LedgerCount - ledger); // per fill: 4 trade rows, 2 × (fee debit, fee credit)

        var changes = x.Events.BalanceChanges.ToArray();
        Assert.Equal(changes.Length, changes.Select(c => (c.BrokerId, c.UserId, c.Currency)).Distinct().Count());
        Assert.Equal((Makers + 2) * 2, changes.Length); // the makers, the taker and the fee account, in both currencies
        foreach (var change in changes)
        {
            Assert.Equal(x.Engine.Accounts.GetBalance(change.BrokerId, change.UserId, change.Currency), new Balance(change.Total, change.Locked));
        }

        Assert.Equal(0, x.Balance(taker, "USD").Locked);
        Assert.Equal(0, x.Balance(taker, "BTC").Locked);
    }

    [Fact]
    public void The_64_bit_fee_and_affordability_paths_agree_with_128_bit_arithmetic()
    {
        var random = new Random(18);
        for (var i = 0; i < 200_000; i++)
        {
            var amount = i % 3 == 0 ? random.NextInt64(0, long.MaxValue) : random.NextInt64(0, 1L << (i % 63));
            var bps = random.Next(0, 10_001);
            Assert.Equal((long)((Int128)amount * bps / 10_000), Money.Fee(amount, bps));

            var price = random.NextInt64(1, 1L << (1 + (i % 50)));
            var quantity = random.NextInt64(1, 1L << (1 + (i % 40)));
            var available = random.NextInt64(0, 1L << (i % 63));
            if (Money.Pays(available, price, quantity))
            {
                Assert.True(Money.QuantityFor(available, price) >= quantity);
            }
            else if (Math.BigMul(price, quantity, out long product) == 0 && product >= 0)
            {
                Assert.True(Money.QuantityFor(available, price) < quantity);
            }

            // Exactly at the boundary: the ceiling of the notional pays, one satoshi less does not.
            var needed = (long)(((Int128)price * quantity + Money.Satoshi - 1) / Money.Satoshi);
            if (Math.BigMul(price, quantity, out long fits) == 0 && fits >= 0)
            {
                Assert.True(Money.Pays(needed, price, quantity));
                Assert.Equal(needed > 0, !Money.Pays(needed - 1, price, quantity));
            }
        }
    }
}
