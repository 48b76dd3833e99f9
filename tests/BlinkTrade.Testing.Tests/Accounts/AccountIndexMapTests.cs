using BlinkTrade.Testing.Accounts;

namespace BlinkTrade.Testing.Tests.Accounts;

public class AccountIndexMapTests
{
    [Fact]
    public void Every_account_is_found_by_its_ids_whether_its_user_id_is_dense_sparse_negative_or_of_a_broker_without_a_table()
    {
        var map = new AccountIndexMap();
        var random = new Random(18);
        var ids = new List<(int Broker, int User)>();
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < 3_000; i++)
        {
            // Mostly small sequential-looking ids (the dense tables), some huge ones (map only until enough accounts exist),
            // negative ids and brokers beyond the dense range.
            var broker = random.Next(10) switch { 0 => random.Next(16, 40), 1 => -1 - random.Next(3), _ => random.Next(4) };
            var user = random.Next(20) switch { 0 => random.Next(), 1 => -random.Next(1, 1_000), _ => random.Next(30_000) };
            if (seen.Add((broker, user)))
            {
                Assert.False(map.TryGet(broker, user, out _));
                Assert.Equal(ids.Count, map.Add(broker, user));
                ids.Add((broker, user));
            }

            // Every account added so far, including those a table grew to cover after they were added, is still found.
            if (i % 500 == 499)
            {
                for (var index = 0; index < ids.Count; index++)
                {
                    Assert.True(map.TryGet(ids[index].Broker, ids[index].User, out var found));
                    Assert.Equal(index, found);
                }
            }
        }

        Assert.Equal(ids.Count, map.Count);
        Assert.False(map.TryGet(1, 29_999_999, out _));
        Assert.False(map.TryGet(3, 30_001, out _));
    }

    [Fact]
    public void A_user_id_beyond_the_memory_bound_lives_in_the_map_and_moves_into_the_table_once_enough_accounts_exist()
    {
        var map = new AccountIndexMap();
        Assert.Equal(0, map.Add(1, 1_000_000)); // far beyond 8 × accounts: map only
        Assert.True(map.TryGet(1, 1_000_000, out var first));
        Assert.Equal(0, first);
        Assert.False(map.TryGet(1, 1, out _));

        for (var user = 1; user <= 200_000; user++)
        {
            map.Add(1, user);
        }

        // 200,001 accounts allow ids up to 1.6 M in a table: this id grows it to 2^20 entries, covering 1,000,000, and the table is
        // refilled from every account of the broker, the early one included (a lookup the table covers never asks the map).
        Assert.Equal(200_001, map.Add(1, (1 << 20) - 1));
        Assert.True(map.TryGet(1, 1_000_000, out first));
        Assert.Equal(0, first);
        Assert.True(map.TryGet(1, 200_000, out var last));
        Assert.Equal(200_000, last);
        Assert.False(map.TryGet(1, 200_001, out _));
    }

    [Fact]
    public void Resolved_fee_rates_are_read_by_account_index_per_side_and_follow_broker_and_user_changes()
    {
        var book = new AccountBook(new BalanceChangeLog(16), 16);
        book.RegisterBroker(new BrokerConfig(1, 99, new FeeRates { MakerBuyBps = 10, MakerSellBps = 20, TakerBuyBps = 30, TakerSellBps = 10_000 }));
        var index = book.GetOrOpenIndex(1, 5);
        Assert.Equal(((short)10, (short)30), book.FeeRates(index, buy: true));
        Assert.Equal(((short)20, (short)10_000), book.FeeRates(index, buy: false));

        book.SetUserFees(1, 5, new FeeRates { MakerSellBps = 7 }); // taker sell falls back to the user's maker sell
        Assert.Equal(((short)10, (short)30), book.FeeRates(index, buy: true));
        Assert.Equal(((short)7, (short)7), book.FeeRates(index, buy: false));

        book.RegisterBroker(new BrokerConfig(1, 99, FeeRates.Flat(3))); // the broker's new rates reach existing accounts
        Assert.Equal(((short)3, (short)3), book.FeeRates(index, buy: true));
        Assert.Equal(((short)7, (short)7), book.FeeRates(index, buy: false));
        Assert.Equal(((short)3, (short)3), book.FeeRates(book.GetOrOpenIndex(1, 99), buy: false));

        Assert.Throws<ArgumentOutOfRangeException>(() => book.SetUserFees(1, 6, FeeRates.Flat(10_001)));
    }
}
