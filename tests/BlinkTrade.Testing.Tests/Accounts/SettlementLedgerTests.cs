using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Tests.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Accounts;

/// <summary>A trade's four ledger rows are stored as one settlement record and derived when read: what a ledger shows must be
/// exactly what posting them one by one showed (ids, order, amounts, balances, counterparties), with fees, self-trades, paging
/// and filters.</summary>
public class SettlementLedgerTests
{
    [Fact]
    public void A_trade_shows_four_rows_with_consecutive_ids_in_posting_order()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var before = x.Engine.Accounts.LedgerCount;
        var maker = x.Limit(1, Side.Sell, 2 * Coin, 600 * Coin);
        var taker = x.Limit(2, Side.Buy, 2 * Coin, 601 * Coin);

        Assert.Equal(before + 4, x.Engine.Accounts.LedgerCount);
        var buyer = x.Engine.Accounts.GetLedger(Broker, 2);
        var seller = x.Engine.Accounts.GetLedger(Broker, 1);
        Assert.Equal(
            [(before + 2, "BTC", LedgerOperation.Credit, 2 * Coin, (100 * Coin) + (2 * Coin)),
             (before + 1, "USD", LedgerOperation.Debit, 1_200 * Coin, (1_000_000 * Coin) - (1_200 * Coin))],
            buyer.Take(2).Select(r => (r.LedgerId, r.Currency, r.Operation, r.Amount, r.Balance)));
        Assert.Equal(
            [(before + 4, "USD", LedgerOperation.Credit, 1_200 * Coin, (1_000_000 * Coin) + (1_200 * Coin)),
             (before + 3, "BTC", LedgerOperation.Debit, 2 * Coin, (100 * Coin) - (2 * Coin))],
            seller.Take(2).Select(r => (r.LedgerId, r.Currency, r.Operation, r.Amount, r.Balance)));
        Assert.All(buyer.Take(2), r => Assert.Equal((LedgerKind.Trade, 1, taker, maker, Broker), (r.Kind, r.PayeeUserId, r.Reference, r.CounterReference, r.PayeeBrokerId)));
        Assert.All(seller.Take(2), r => Assert.Equal((LedgerKind.Trade, 2, taker, maker, 1), (r.Kind, r.PayeeUserId, r.Reference, r.CounterReference, r.UserId)));
        Assert.Equal(0, x.Balance(1, "BTC").Locked);
    }

    [Fact]
    public void A_self_trade_shows_the_buyer_rows_then_the_seller_rows_of_one_account()
    {
        var x = new TestExchange(SelfTradePrevention.None);
        x.Fund(1);
        var before = x.Engine.Accounts.LedgerCount;
        x.Limit(1, Side.Sell, Coin, 500 * Coin);
        x.Limit(1, Side.Buy, Coin, 500 * Coin);

        var rows = x.Engine.Accounts.GetLedger(Broker, 1, pageSize: 4);
        Assert.Equal(
            [(before + 4, "USD", LedgerOperation.Credit, 1_000_000 * Coin),
             (before + 3, "BTC", LedgerOperation.Debit, 100 * Coin),
             (before + 2, "BTC", LedgerOperation.Credit, 101 * Coin),
             (before + 1, "USD", LedgerOperation.Debit, (1_000_000 - 500) * Coin)],
            rows.Select(r => (r.LedgerId, r.Currency, r.Operation, r.Balance)));
        Assert.All(rows, r => Assert.Equal(1, r.PayeeUserId));
    }

    [Fact]
    public void A_trade_whose_notional_floors_to_zero_shows_only_its_base_rows()
    {
        var x = new TestExchange(SelfTradePrevention.None);
        x.Engine.AddInstrument(new InstrumentConfig("SATUSD", "BTC", "USD", 1, 1));
        x.Fund(1);
        x.Fund(2);
        var before = x.Engine.Accounts.LedgerCount;
        Place(x, 1, Side.Sell, 3, 7);
        Place(x, 2, Side.Buy, 3, 7); // 3 × 7 / 1e8 floors to 0 USD

        Assert.Equal(before + 2, x.Engine.Accounts.LedgerCount);
        var buyer = Assert.Single(x.Engine.Accounts.GetLedger(Broker, 2, pageSize: 1));
        var seller = Assert.Single(x.Engine.Accounts.GetLedger(Broker, 1, pageSize: 1));
        Assert.Equal((before + 1, "BTC", LedgerOperation.Credit, 3L), (buyer.LedgerId, buyer.Currency, buyer.Operation, buyer.Amount));
        Assert.Equal((before + 2, "BTC", LedgerOperation.Debit, 3L), (seller.LedgerId, seller.Currency, seller.Operation, seller.Amount));
        Assert.Equal(1_000_000 * Coin, x.Balance(1, "USD").Total);
        Assert.Equal(0, x.Balance(1, "BTC").Locked);
    }

    [Fact]
    public void Random_trading_with_fees_and_self_trades_keeps_every_ledger_exact()
    {
        var x = new TestExchange(SelfTradePrevention.None, FeeRates.Flat(25));
        var users = new[] { 1, 2, 3, 4 };
        foreach (var user in users)
        {
            x.Fund(user, btc: 1_000 * Coin, usd: 10_000_000 * Coin);
        }

        var random = new Random(11);
        for (var i = 0; i < 600; i++)
        {
            var user = users[random.Next(users.Length)];
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var quantity = random.Next(1, 40) * 10_000L * (random.Next(4) == 0 ? 1_000 : 1);
            if (random.Next(10) == 0)
            {
                x.Market(user, side, quantity, TimeInForce.ImmediateOrCancel);
            }
            else
            {
                x.Limit(user, side, quantity, (random.Next(95, 106) * Coin) + (random.Next(100) * Cent));
            }
        }

        var accounts = x.Engine.Accounts;
        var all = users.Append(FeeUser).SelectMany(user => accounts.GetLedger(Broker, user, pageSize: 1_000_000)).ToList();
        Assert.True(all.Count(r => r.Kind == LedgerKind.Trade) > 400, "the stream trades");

        // Every id from 1 to the count exactly once, over all accounts.
        Assert.Equal(Enumerable.Range(1, (int)accounts.LedgerCount).Select(id => (long)id), all.Select(r => r.LedgerId).Order());

        foreach (var user in users.Append(FeeUser))
        {
            var rows = accounts.GetLedger(Broker, user, pageSize: 1_000_000);
            Assert.Equal(rows.Select(r => r.LedgerId).OrderDescending(), rows.Select(r => r.LedgerId));
            foreach (var currency in new[] { "BTC", "USD" })
            {
                // Running balances: oldest to newest, each row moves the previous balance by its amount, ending at the account's total.
                long balance = 0;
                foreach (var row in rows.Where(r => r.Currency == currency).Reverse())
                {
                    balance += row.Operation == LedgerOperation.Credit ? row.Amount : -row.Amount;
                    Assert.Equal(balance, row.Balance);
                }

                Assert.Equal(x.Balance(user, currency).Total, balance);
                Assert.Equal(rows.Where(r => r.Currency == currency), accounts.GetLedger(Broker, user, currency, pageSize: 1_000_000));
            }

            // Pages of 3 split settlement pairs: together they are the whole ledger; a search sees every row before paging.
            var paged = Enumerable.Range(0, (rows.Count / 3) + 1).SelectMany(page => accounts.GetLedger(Broker, user, page: page, pageSize: 3));
            Assert.Equal(rows, paged);
            var debits = rows.Where(r => r.Operation == LedgerOperation.Debit).ToList();
            Assert.Equal(debits.Skip(2).Take(5), accounts.GetLedger(Broker, user, page: 0, pageSize: 7, match: r => r.Operation == LedgerOperation.Debit).Skip(2));
        }

        // Per trade, in id order: the buyer pays quote and receives base, pays its fee in base, then the seller delivers base and
        // receives quote and pays its fee in quote — each row naming the other party.
        foreach (var trade in all.Where(r => r.Kind is LedgerKind.Trade or LedgerKind.TradeFee).GroupBy(r => (r.Reference, r.CounterReference)))
        {
            var rows = trade.OrderBy(r => r.LedgerId).ToList();
            Assert.Equal(Enumerable.Range(0, rows.Count).Select(i => rows[0].LedgerId + i), rows.Select(r => r.LedgerId));
            var shape = rows.Select(r => (r.Kind, r.Currency, r.Operation, r.UserId == FeeUser)).ToList();
            Assert.Equal(
                [(LedgerKind.Trade, "USD", LedgerOperation.Debit, false), (LedgerKind.Trade, "BTC", LedgerOperation.Credit, false),
                 (LedgerKind.TradeFee, "BTC", LedgerOperation.Debit, false), (LedgerKind.TradeFee, "BTC", LedgerOperation.Credit, true),
                 (LedgerKind.Trade, "BTC", LedgerOperation.Debit, false), (LedgerKind.Trade, "USD", LedgerOperation.Credit, false),
                 (LedgerKind.TradeFee, "USD", LedgerOperation.Debit, false), (LedgerKind.TradeFee, "USD", LedgerOperation.Credit, true)],
                shape);
            Assert.Equal((rows[0].Amount, rows[1].Amount), (rows[5].Amount, rows[4].Amount));
            Assert.Equal((rows[4].UserId, rows[0].UserId), (rows[0].PayeeUserId, rows[4].PayeeUserId));
        }

        Assert.Equal(users.Length * 1_000 * Coin, users.Append(FeeUser).Sum(user => x.Balance(user, "BTC").Total));
    }

    [Fact]
    public void Ledgers_read_between_trades_show_what_the_whole_ledger_shows_up_to_then()
    {
        // Accounts' entries are indexed when a ledger is read, from where the last read left off: reads interleaved with trades,
        // fees, self-trades, deposits and an account opened late must show what one read at the end shows, as of their moment.
        var queried = new TestExchange(SelfTradePrevention.None, FeeRates.Flat(25));
        var plain = new TestExchange(SelfTradePrevention.None, FeeRates.Flat(25));
        var users = new List<int> { 1, 2, 3, 4 };
        foreach (var x in new[] { queried, plain })
        {
            users.ForEach(user => x.Fund(user, btc: 1_000 * Coin, usd: 10_000_000 * Coin));
        }

        var random = new Random(5);
        var reads = new List<(int User, long Count, IReadOnlyList<LedgerEntry> Rows)>();
        for (var i = 0; i < 800; i++)
        {
            if (i == 300)
            {
                users.Add(5);
                queried.Fund(5, btc: 500 * Coin, usd: 0);
                plain.Fund(5, btc: 500 * Coin, usd: 0);
            }

            var user = users[random.Next(users.Count)];
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var quantity = random.Next(1, 40) * 10_000L * (random.Next(4) == 0 ? 1_000 : 1);
            var price = (random.Next(95, 106) * Coin) + (random.Next(100) * Cent);
            var deposit = random.Next(25) == 0;
            foreach (var x in new[] { queried, plain })
            {
                if (deposit)
                {
                    x.Fund(user, btc: Coin, usd: 1_000 * Coin);
                }

                x.Limit(user, side, quantity, price);
            }

            if (random.Next(3) == 0)
            {
                var reader = random.Next(6) == 0 ? FeeUser : users[random.Next(users.Count)];
                reads.Add((reader, queried.Engine.Accounts.LedgerCount, queried.Engine.Accounts.GetLedger(Broker, reader, pageSize: 1_000_000)));
            }
        }

        Assert.True(reads.Count > 200, "the ledgers are read between trades");
        Assert.Equal(plain.Engine.Accounts.LedgerCount, queried.Engine.Accounts.LedgerCount);
        foreach (var user in users.Append(FeeUser))
        {
            Assert.Equal(plain.Engine.Accounts.GetLedger(Broker, user, pageSize: 1_000_000), queried.Engine.Accounts.GetLedger(Broker, user, pageSize: 1_000_000));
        }

        foreach (var (user, count, rows) in reads)
        {
            Assert.Equal(rows.Select(r => r.LedgerId).OrderDescending(), rows.Select(r => r.LedgerId));
            Assert.Equal(plain.Engine.Accounts.GetLedger(Broker, user, pageSize: 1_000_000).Where(r => r.LedgerId <= count), rows);
        }
    }

    private static void Place(TestExchange x, int user, Side side, long quantity, long price) =>
        x.Engine.PlaceOrder(new NewOrder
        {
            BrokerId = Broker,
            UserId = user,
            Symbol = "SATUSD",
            Side = side,
            OrderType = OrderType.Limit,
            TimeInForce = TimeInForce.GoodTillCancel,
            Price = price,
            Quantity = quantity,
        });
}
