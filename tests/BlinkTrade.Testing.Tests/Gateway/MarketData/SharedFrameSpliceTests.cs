using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Tests.Gateway.MarketData;

/// <summary>
/// Issue 18 (task 18r): a shared publication's frame for one subscriber is spliced into the session's reusable send
/// buffer when it is sent, not into an array of its own: the bytes are still exactly what the encoder writes for that
/// subscriber's id, whatever ids the buffer held before, and a warm buffer costs no allocation per subscriber.
/// </summary>
public sealed class SharedFrameSpliceTests
{
    private const long Btc = 100_000_000;
    private const int KeepUpTo = 4096;

    // Numbers, strings, negative, large, fractional, escaped: long after short and short after long in one buffer.
    private static readonly string[] Ids =
        ["7", "\"a-much-longer-string-id-than-the-others\"", "0", "-3", "9007199254740993", "\"abc\"", "\"\\u00e9\\\"q\"", "1.5", "1e3", "-9223372036854775808", "\"\""];

    [Fact]
    public void Every_id_spliced_into_one_reused_buffer_gives_the_frame_encoded_for_that_id()
    {
        var entries = Entries("broker \"MDReqID\":0 x");
        var shared = Shared(entries);
        byte[]? buffer = null;
        foreach (var raw in Ids.Concat(Ids.Reverse()))
        {
            using var document = JsonDocument.Parse(raw);
            var id = new EchoedId(document.RootElement);
            var expected = id.Encode(new MarketDataIncrementalRefresh { MDReqID = id.Number ?? 0, MDBkTyp = MarketDataBookType.OrderDepth, MDIncGrp = entries }, "MDReqID");
            var frame = shared.For(id);
            Assert.Equal(expected.Length, frame.Length);
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(frame.Bytes(ref buffer, KeepUpTo).Span));
            Assert.Equal(expected, frame.ToArray());
        }
        Assert.NotNull(buffer);
    }

    [Fact]
    public void A_warm_buffer_splices_a_thousand_subscribers_frames_without_allocating()
    {
        var shared = Shared(Entries("broker"));
        var ids = Enumerable.Range(0, 1_000).Select(i => Id((1_234_567 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        byte[]? buffer = null;
        _ = shared.For(ids[0]).Bytes(ref buffer, KeepUpTo); // warms the buffer
        var kept = buffer;
        var checksum = 0;

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var id in ids)
        {
            var bytes = shared.For(id).Bytes(ref buffer, KeepUpTo);
            checksum += bytes.Span[^1];
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Same(kept, buffer);
        Assert.Equal(1_000 * '}', checksum);
    }

    [Fact]
    public void A_frame_larger_than_the_kept_buffer_gets_an_array_of_its_own_and_the_buffer_stays()
    {
        var shared = Shared(Entries(new string('b', 2 * KeepUpTo)));
        var small = Shared(Entries("broker"));
        byte[]? buffer = null;
        var seven = Id("7");
        _ = small.For(seven).Bytes(ref buffer, KeepUpTo);
        var kept = buffer!;

        var large = shared.For(seven).Bytes(ref buffer, KeepUpTo);

        Assert.Same(kept, buffer);
        Assert.True(MemoryMarshal.TryGetArray(large, out var segment));
        Assert.NotSame(kept, segment.Array);
        Assert.Equal(shared.For(seven).ToArray(), large.ToArray());
        Assert.True(kept.Length <= KeepUpTo);
    }

    private static SharedIdFrame Shared(MarketDataEntry[] entries)
        => new(new MarketDataIncrementalRefresh { MDReqID = 0, MDBkTyp = MarketDataBookType.OrderDepth, MDIncGrp = entries }, "MDReqID");

    private static MarketDataEntry[] Entries(string broker) =>
    [
        new MarketDataEntry
        {
            MDUpdateAction = MarketDataUpdateAction.New, MDEntryType = MarketDataEntryType.Bid, MDEntryPositionNo = 1,
            MDEntryPx = Price.FromSatoshis(500 * Btc), MDEntrySize = Quantity.FromSatoshis(Btc), Broker = broker,
        },
    ];

    private static EchoedId Id(string raw)
    {
        using var document = JsonDocument.Parse(raw);
        return new EchoedId(document.RootElement);
    }
}
