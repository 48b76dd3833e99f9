using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Matching.Replay;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>Differential tests: the engine replays bench/FORMAT.md golden streams and must print the reference digests.</summary>
public class GoldenStreamTests
{
    public static TheoryData<string, SelfTradePrevention> Streams()
    {
        var data = new TheoryData<string, SelfTradePrevention>();
        foreach (var name in new[] { "E0-edge", "W1-small", "W2-small", "W3-small", "W4-small" })
        {
            // Generated streams never pair two orders of one user, so every self-trade policy must give the same digest.
            foreach (var policy in Enum.GetValues<SelfTradePrevention>())
            {
                data.Add(name, policy);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Streams))]
    public void Replay_prints_the_reference_digest(string name, SelfTradePrevention policy)
    {
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
}
