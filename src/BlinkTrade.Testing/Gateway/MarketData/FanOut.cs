using BlinkTrade.Testing.Gateway.Sessions;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>
/// One publication's way to its subscribers' sessions. A few subscribers are sent to on the exchange actor's thread (no
/// thread-pool hop). Beyond that each frame is queued on its session in order (so nothing sent to the session later
/// overtakes it) without waking the session's writer, and a few thread-pool items then send the queued frames, a chunk
/// of sessions each: the actor — and the request whose reply waits for its work item — pays only the queueing.
/// </summary>
/// <remarks>Why not each session's writer: waking a thousand writer loops is a thousand thread-pool items per book
/// update, which cost about as much CPU as the sends themselves.</remarks>
internal sealed class FanOut
{
    /// <summary>Up to this many subscribers are sent to on the caller's thread.</summary>
    internal const int DirectLimit = 8;

    /// <summary>Sessions per thread-pool item of a larger fan-out: enough to amortize the item, few enough that both
    /// cores share the sends.</summary>
    internal const int ChunkSize = 64;

    private static readonly FanOut Direct = new(null);
    private readonly List<ExchangeSession>? _deferred;

    private FanOut(List<ExchangeSession>? deferred) => _deferred = deferred;

    /// <summary>The way for a publication to <paramref name="subscribers"/> sessions.</summary>
    public static FanOut Start(int subscribers) => subscribers <= DirectLimit ? Direct : new FanOut(new List<ExchangeSession>(subscribers));

    /// <summary>Hands <paramref name="frame"/> to <paramref name="session"/>: sent now, or queued until <see cref="Send"/>.</summary>
    public void Publish(ExchangeSession session, byte[] frame)
    {
        if (_deferred is null)
        {
            session.Publish(frame);
            return;
        }
        session.PublishDeferred(frame);
        _deferred.Add(session);
    }

    /// <summary>Sends the queued frames from the thread pool, <see cref="ChunkSize"/> sessions per item.</summary>
    public void Send()
    {
        if (_deferred is not { Count: > 0 } sessions)
        {
            return;
        }
        var all = sessions.ToArray();
        for (var start = 0; start < all.Length; start += ChunkSize)
        {
            ThreadPool.UnsafeQueueUserWorkItem(SendQueued, new ArraySegment<ExchangeSession>(all, start, Math.Min(ChunkSize, all.Length - start)), preferLocal: false);
        }
    }

    private static void SendQueued(ArraySegment<ExchangeSession> sessions)
    {
        foreach (var session in sessions)
        {
            session.SendQueued();
        }
    }
}
