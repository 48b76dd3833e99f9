using System.Net.Sockets;

namespace BlinkTrade.Chaos;

/// <summary>One direction of a proxied connection: the socket it reads, the one it writes and its black-hole state.
/// Writes take <see cref="WriteLock"/> so that the bytes a frozen hole held go out before anything read after them.</summary>
internal sealed class OneWayPath(bool isUp, Socket source, Socket target)
{
    private int _hole;
    private int _holeGeneration;

    /// <summary>Client to exchange (true) or exchange to client.</summary>
    public bool IsUp { get; } = isUp;

    public Socket Source { get; } = source;

    public Socket Target { get; } = target;

    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>Chunks a freeze hole holds, in arrival order; guarded by <see cref="WriteLock"/>.</summary>
    public List<byte[]> Held { get; } = [];

    /// <summary>When the last delayed chunk is delivered (Environment.TickCount64): jitter never reorders the stream.</summary>
    public long LastDeliveryMs { get; set; }

    /// <summary>Counts the holes opened on this path: a hole's end only ends it while no later hole has taken the path
    /// over (a freeze ending must not lift a drop opened after it).</summary>
    public int HoleGeneration => Volatile.Read(ref _holeGeneration);

    /// <summary>Opens a hole (replacing any open one) and returns its generation.</summary>
    public int OpenHole(HoleMode mode)
    {
        var generation = Interlocked.Increment(ref _holeGeneration);
        Hole = mode;
        return generation;
    }

    /// <summary>Opened by the fault injector without the write lock (the pump reads it under the lock).</summary>
    public HoleMode Hole
    {
        get => (HoleMode)Volatile.Read(ref _hole);
        set => Volatile.Write(ref _hole, (int)value);
    }
}
