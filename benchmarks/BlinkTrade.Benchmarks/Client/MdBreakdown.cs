using System.Diagnostics;
using System.Globalization;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>md-throughput --breakdown</c>: the client's per-frame stages measured alone on one thread over the same X script
/// as the server sends: parse (<see cref="ProtocolSerializer.Deserialize(ReadOnlySpan{byte})"/>), apply to a
/// <see cref="LocalOrderBook"/>, and the immutable snapshot built after each frame. Explains where a frame's client
/// CPU goes; the socket, the receive loop and the subscriber queue hop are what remains of the end-to-end figure.
/// </summary>
internal static class MdBreakdown
{
    public static void Run(int frames)
    {
        var script = MarketDataFrameServer.Script.Select(body => MarketDataFrameServer.FrameBytes(1, body)).ToArray();
        var snapshot = (MarketDataFullRefresh)ProtocolSerializer.Deserialize(MarketDataFrameServer.SnapshotBytes(1));
        var parsed = script.Select(f => (MarketDataIncrementalRefresh)ProtocolSerializer.Deserialize(f)).ToArray();
        for (var round = 0; round < 2; round++)
        {
            var parse = Measure(frames, i => ProtocolSerializer.Deserialize(script[i % script.Length]));
            var book = new LocalOrderBook("BTCUSD");
            book.TryReset(snapshot.MDFullGrp);
            var apply = Measure(frames, i =>
            {
                foreach (var entry in parsed[i % parsed.Length].MDIncGrp!)
                {
                    book.TryApply(entry);
                }
            });
            book.TryReset(snapshot.MDFullGrp);
            var publish = Measure(frames, i =>
            {
                foreach (var entry in parsed[i % parsed.Length].MDIncGrp!)
                {
                    book.TryApply(entry);
                }
                GC.KeepAlive(book.ToSnapshot(i, false, DateTimeOffset.UtcNow));
            });
            if (round == 1)
            {
                Console.WriteLine("breakdown (one thread, no socket, no queue hop), per frame:");
                Print("parse X (ProtocolSerializer)", parse);
                Print("apply X entries", apply);
                Print("apply + ToSnapshot", publish);
            }
        }
    }

    private static (double Ns, double Bytes) Measure(int frames, Action<int> body)
    {
        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < frames; i++)
        {
            body(i);
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        return (elapsed.TotalNanoseconds / frames, (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)frames);
    }

    private static void Print(string label, (double Ns, double Bytes) r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-30} {r.Ns,8:F0} ns {r.Bytes,8:F0} B"));
}
