using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Matching.Replay;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>Differential tests: the engine replays bench/FORMAT.md golden streams and must print the reference digests.</summary>
public class GoldenStreamTests
{
    public static TheoryData<string, string> Streams()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in new[] { "E0-edge", "W1-small", "W2-small", "W3-small", "W4-small" })
        {
            // Generated streams never pair two orders of one user, so every self-trade policy must give the same digest.
            foreach (var policy in Enum.GetValues<SelfTradePrevention>())
            {
                data.Add(name, policy.ToString()); // a name: the engine's enum is internal
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public void Replay_prints_the_reference_digest(string name, string policyName)
    {
        var policy = Enum.Parse<SelfTradePrevention>(policyName);
        var directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "bench");
        var stream = CommandStream.Load(Path.Combine(directory, name + ".txt"));
        var expected = File.ReadAllText(Path.Combine(directory, name + ".digest")).TrimEnd('\n');

        var replayer = new StreamReplayer(stream, policy);
        replayer.Run(0, stream.Commands.Length);

        Assert.Equal(expected, replayer.Digest());
    }

    [Fact]
    public void Edge_stream_final_book_matches_the_worked_example()
    {
        var stream = CommandStream.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bench", "E0-edge.txt"));
        var replayer = new StreamReplayer(stream);
        replayer.Run(0, stream.Commands.Length);

        var bids = replayer.Engine.GetBook(StreamReplayer.Symbol, Side.Buy);
        var asks = replayer.Engine.GetBook(StreamReplayer.Symbol, Side.Sell);
        Assert.Equal([91 * CommandStream.TickSatoshis, 91 * CommandStream.TickSatoshis, 90 * CommandStream.TickSatoshis], bids.Select(b => b.Price));
        Assert.Equal([105 * CommandStream.TickSatoshis, 105 * CommandStream.TickSatoshis, 106 * CommandStream.TickSatoshis], asks.Select(a => a.Price));
        Assert.Equal([1, 2, 3], asks.Select(a => a.Position));
    }

    [Theory]
    [InlineData("W1-small")]
    [InlineData("W2-small")]
    public void Book_events_off_changes_nothing_but_the_book_events(string name)
    {
        var stream = CommandStream.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bench", name + ".txt"));
        var with = new StreamReplayer(stream, SelfTradePrevention.CancelResting, bookEvents: true);
        var without = new StreamReplayer(stream, SelfTradePrevention.CancelResting, bookEvents: false);
        var bookEvents = 0;
        for (var i = 0; i < stream.Commands.Length; i++)
        {
            with.Apply(ref stream.Commands[i]);
            without.Apply(ref stream.Commands[i]);
            Assert.Equal(with.Engine.Events.ExecutionReports.ToArray(), without.Engine.Events.ExecutionReports.ToArray());
            Assert.Equal(with.Engine.Events.Trades.ToArray(), without.Engine.Events.Trades.ToArray());
            Assert.Equal(with.Engine.Events.BalanceChanges.ToArray(), without.Engine.Events.BalanceChanges.ToArray());
            Assert.True(without.Engine.Events.BookEvents.IsEmpty);
            bookEvents += with.Engine.Events.BookEvents.Length;
        }

        Assert.True(bookEvents > stream.Commands.Length / 2);
        Assert.Equal(with.Digest(), without.Digest());
        Assert.Equal(with.Engine.GetBook(StreamReplayer.Symbol, Side.Buy), without.Engine.GetBook(StreamReplayer.Symbol, Side.Buy));
        Assert.Equal(with.Engine.GetBook(StreamReplayer.Symbol, Side.Sell), without.Engine.GetBook(StreamReplayer.Symbol, Side.Sell));
    }
}
