using BlinkTrade.Testing.Gateway.Sessions;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>
/// One publication's way to its subscribers' sessions. A few subscribers are sent to on the exchange actor's thread (no
/// thread-pool hop). Beyond that each frame is queued on its session in order (so nothing sent to the session later
/// overtakes it) without waking the session's writer, and thread-pool items then send the queued frames, one chunk of
/// sessions after the other: the actor — and the request whose reply waits for its work item — pays only the queueing.
/// </summary>
/// <remarks>Why not each session's writer: waking a thousand writer loops is a thousand thread-pool items per book
/// update, which cost about as much CPU as the sends themselves.</remarks>
internal sealed class FanOut
{
    /// <summary>Up to this many subscribers are sent to on the caller's thread.</summary>
    internal const int DirectLimit = 8;

    /// <summary>Sessions per thread-pool item of a larger fan-out: enough to amortize the item, few enough that the
    /// sockets' sends of one chunk start before the next chunk is written.</summary>
    internal const int ChunkSize = 64;

    private static readonly FanOut Direct = new(null);
    private readonly List<ExchangeSession>? _deferred;

    private FanOut(List<ExchangeSession>? deferred) => _deferred = deferred;

    /// <summary>The way for a publication to <paramref name="subscribers"/> sessions.</summary>
    public static FanOut Start(int subscribers) => subscribers <= DirectLimit ? Direct : new FanOut(new List<ExchangeSession>(subscribers));

    /// <summary>Hands <paramref name="frame"/> to <paramref name="session"/>: sent now, or queued until <see cref="Send"/>.</summary>
    public void Publish(ExchangeSession session, QueuedFrame frame)
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
        QueueChunk(sessions.ToArray(), 0);
    }

    // One chunk at a time, each item queueing the next when done: the sockets' own sends (Kestrel's I/O queue items,
    // scheduled by this chunk's writes) then run before the next chunk instead of after every chunk of the update.
    private static void QueueChunk(ExchangeSession[] sessions, int start)
        => ThreadPool.UnsafeQueueUserWorkItem(SendQueued, new ArraySegment<ExchangeSession>(sessions, start, Math.Min(ChunkSize, sessions.Length - start)), preferLocal: false);

    private static void SendQueued(ArraySegment<ExchangeSession> chunk)
    {
        try
        {
            foreach (var session in chunk)
            {
                session.SendQueued();
            }
        }
        finally
        {
            var next = chunk.Offset + chunk.Count;
            if (next < chunk.Array!.Length)
            {
                QueueChunk(chunk.Array, next);
            }
        }
    }
}
