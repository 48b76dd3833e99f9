using System.Net;
using System.Net.Sockets;

namespace BlinkTrade.Chaos;

/// <summary>A loopback TCP proxy that breaks the path between a client and the exchange on purpose: resets, black holes
/// that drop or freeze, jitter, 1–7-byte fragmentation, refused connects. It knows nothing of WebSockets: it breaks
/// what a real network breaks, bytes and connections. <see cref="FaultInjector"/> decides when. For HTTP two faults more:
/// an answer cut after its request was forwarded (<see cref="StartCutting"/>, the "unknown outcome") and a request whose
/// end arrives seconds after its start (<see cref="StartSplitting"/>).</summary>
internal sealed class ChaosProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly SoakLog _log;
    private readonly Lock _gate = new();
    private readonly HashSet<ProxiedConnection> _connections = [];
    private readonly HashSet<Task> _running = [];
    // The black holes still open: each task ends once its hole has closed (a freeze's held bytes delivered).
    private readonly HashSet<Task> _holes = [];
    // Jitter and fragment sizes; a separate generator from the injector's so the pumps' share never shifts its schedule.
    private readonly Random _chunkRandom;
    private readonly CancellationTokenSource _stop = new();
    private Task _acceptLoop = Task.CompletedTask;
    private long _refuseUntilMs;
    private long _cutUntilMs;
    private long _splitUntilMs;
    private int _disposed;
    private long _fragmentUntilMs;
    private DelayWindow? _delay;

    public ChaosProxy(IPEndPoint upstream, int seed, SoakLog log)
    {
        _upstream = upstream;
        _log = log;
        _chunkRandom = new Random(seed + 1);
    }

    public ProxyCounters Counters { get; } = new();

    /// <summary>The port alice connects to (valid after <see cref="Start"/>).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private static long NowMs => Environment.TickCount64;

    public void Start()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync(_stop.Token);
    }

    public void Log(string line) => _log.Write("proxy: " + line, echo: false);

    /// <summary>Resets every open connection; counts as one fault when there was one to reset.</summary>
    public int ResetAll()
    {
        var victims = LiveConnections();
        foreach (var connection in victims)
        {
            connection.Reset();
        }
        if (victims.Count > 0)
        {
            Interlocked.Increment(ref Counters.Resets);
        }
        _log.Write($"proxy: RST {victims.Count} connection(s)");
        return victims.Count;
    }

    /// <summary>Opens a black hole on every open connection for <paramref name="length"/>, the connections kept open.</summary>
    public int OpenHole(HoleDirection direction, TimeSpan length, HoleMode mode)
    {
        var victims = LiveConnections();
        if (victims.Count == 0)
        {
            return 0;
        }
        Interlocked.Increment(ref mode == HoleMode.Drop ? ref Counters.DropHoles : ref Counters.FreezeHoles);
        _log.Write($"proxy: HOLE {direction.ToString().ToLowerInvariant()} {mode.ToString().ToLowerInvariant()} {length.TotalSeconds:F1}s on {victims.Count} connection(s)");
        foreach (var connection in victims)
        {
            OneWayPath[] paths = direction switch
            {
                HoleDirection.Up => [connection.Up],
                HoleDirection.Down => [connection.Down],
                _ => [connection.Up, connection.Down],
            };
            var generations = paths.Select(path => path.OpenHole(mode)).ToArray();
            var end = EndHoleLaterAsync(connection, paths, generations, mode, length);
            Track(end);
            Track(end, _holes);
        }
        return victims.Count;
    }

    public void StartDelay(int minMs, int maxMs, TimeSpan length)
    {
        Volatile.Write(ref _delay, new DelayWindow(minMs, maxMs, NowMs + (long)length.TotalMilliseconds));
        Interlocked.Increment(ref Counters.Delays);
        _log.Write($"proxy: DELAY {minMs}-{maxMs} ms for {length.TotalSeconds:F1}s");
    }

    public void StartFragmenting(TimeSpan length)
    {
        Volatile.Write(ref _fragmentUntilMs, NowMs + (long)length.TotalMilliseconds);
        Interlocked.Increment(ref Counters.Fragments);
        _log.Write($"proxy: FRAG for {length.TotalSeconds:F1}s");
    }

    public void Refuse(TimeSpan length)
    {
        Volatile.Write(ref _refuseUntilMs, NowMs + (long)length.TotalMilliseconds);
        Interlocked.Increment(ref Counters.RefuseWindows);
        _log.Write($"proxy: REFUSE for {length.TotalSeconds:F1}s");
    }

    /// <summary>For <paramref name="length"/>, half of the chunks the exchange sends back reset their connection instead
    /// of being delivered: the request reached the exchange (it is answering), the caller never learns the outcome.</summary>
    public void StartCutting(TimeSpan length)
    {
        Volatile.Write(ref _cutUntilMs, NowMs + (long)length.TotalMilliseconds);
        Interlocked.Increment(ref Counters.CutWindows);
        _log.Write($"proxy: CUT answers for {length.TotalSeconds:F1}s");
    }

    /// <summary>Whether this answer chunk is cut (called by the exchange-to-client pump only).</summary>
    public bool ShouldCutAnswer() => NowMs < Volatile.Read(ref _cutUntilMs) && NextChunkRandom(0, 2) == 0;

    /// <summary>For <paramref name="length"/>, every chunk a client sends leaves in two parts: all but its last 8 bytes
    /// at once, the rest 4–10 s later (a lost last segment): a request's head reaches the exchange long before its end.</summary>
    public void StartSplitting(TimeSpan length)
    {
        Volatile.Write(ref _splitUntilMs, NowMs + (long)length.TotalMilliseconds);
        Interlocked.Increment(ref Counters.SplitWindows);
        _log.Write($"proxy: SPLIT requests for {length.TotalSeconds:F1}s");
    }

    /// <summary>Waits until every fault injected so far has ended: the black holes closed — a freeze's held bytes
    /// delivered, even on a connection alice has given up on, which the exchange still reads (an order frozen there
    /// reaches the exchange and trades after she reconnected) — and the jitter, fragmenting, refusing, cutting and splitting
    /// windows over (a split request's held tail included).
    /// The audit reads the exchange's truth only after this: before it, bytes sent during the run may still arrive.</summary>
    public async Task WaitForFaultsToEndAsync()
    {
        Task[] holes;
        lock (_gate)
        {
            holes = [.. _holes];
        }
        await Task.WhenAll(holes);
        var windowsEnd = Math.Max(Math.Max(Volatile.Read(ref _refuseUntilMs), Volatile.Read(ref _fragmentUntilMs)), Volatile.Read(ref _delay)?.UntilMs ?? 0);
        windowsEnd = Math.Max(windowsEnd, Volatile.Read(ref _cutUntilMs));
        if (Volatile.Read(ref _splitUntilMs) is var splitUntil and > 0)
        {
            windowsEnd = Math.Max(windowsEnd, splitUntil + 10_000); // a split request's tail may still be held that long
        }
        if (windowsEnd > NowMs)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(windowsEnd - NowMs));
        }
    }

    /// <summary>Writes one chunk the way the current faults say: after its jitter (never overtaking the chunk before
    /// it), and 1–7 bytes per segment while fragmenting. Called under the path's write lock.</summary>
    public async Task DeliverAsync(OneWayPath path, byte[] chunk)
    {
        if (Volatile.Read(ref _delay) is { } delay && NowMs < delay.UntilMs)
        {
            var at = Math.Max(path.LastDeliveryMs, NowMs + NextChunkRandom(delay.MinMs, delay.MaxMs + 1));
            path.LastDeliveryMs = at;
            var wait = at - NowMs;
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }
        }
        if (path.IsUp && chunk.Length > 16 && NowMs < Volatile.Read(ref _splitUntilMs))
        {
            // The write lock is held meanwhile: nothing read later overtakes the held tail.
            var hold = NextChunkRandom(4_000, 10_001);
            Interlocked.Increment(ref Counters.SplitChunks);
            Log($"split: {chunk.Length - 8} bytes now, 8 in {hold} ms");
            await ProxiedConnection.SendAllAsync(path.Target, chunk.AsMemory(0, chunk.Length - 8));
            await Task.Delay(hold);
            await ProxiedConnection.SendAllAsync(path.Target, chunk.AsMemory(chunk.Length - 8));
            return;
        }
        if (NowMs < Volatile.Read(ref _fragmentUntilMs))
        {
            // TCP_NODELAY is on and each write is awaited: every piece leaves as a segment of its own.
            for (var offset = 0; offset < chunk.Length;)
            {
                var length = Math.Min(NextChunkRandom(1, 8), chunk.Length - offset);
                await ProxiedConnection.SendAllAsync(path.Target, chunk.AsMemory(offset, length));
                offset += length;
                Interlocked.Increment(ref Counters.FragmentWrites);
                await Task.Yield();
            }
        }
        else
        {
            await ProxiedConnection.SendAllAsync(path.Target, chunk);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The REST soak closes it before its audit reads the exchange, then again by its `await using`.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        foreach (var connection in LiveConnections())
        {
            connection.Reset();
        }
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }
        await Task.WhenAll(running);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Track(HandleAsync(client));
        }
    }

    private async Task HandleAsync(Socket client)
    {
        if (NowMs < Volatile.Read(ref _refuseUntilMs))
        {
            Interlocked.Increment(ref Counters.Refused);
            client.LingerState = new LingerOption(true, 0);
            client.Dispose();
            return;
        }
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await server.ConnectAsync(_upstream);
        }
        catch (SocketException e)
        {
            Log("upstream connect failed: " + e.Message);
            server.Dispose();
            client.LingerState = new LingerOption(true, 0);
            client.Dispose();
            return;
        }
        client.NoDelay = true;
        var connection = new ProxiedConnection(this, client, server);
        Interlocked.Increment(ref Counters.Connections);
        int open;
        lock (_gate)
        {
            _connections.Add(connection);
            open = _connections.Count;
        }
        Log($"connection open ({open} open)");
        await connection.RunAsync();
        lock (_gate)
        {
            _connections.Remove(connection);
        }
        Log("connection closed");
    }

    private async Task EndHoleLaterAsync(ProxiedConnection connection, OneWayPath[] paths, int[] generations, HoleMode mode, TimeSpan length)
    {
        try
        {
            await Task.Delay(length, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The proxy is closing: its connections are reset anyway.
            return;
        }
        await connection.EndHoleAsync(paths, generations, mode);
    }

    private List<ProxiedConnection> LiveConnections()
    {
        lock (_gate)
        {
            return [.. _connections.Where(c => !c.IsDead)];
        }
    }

    /// <summary>Keeps background tasks so that <see cref="DisposeAsync"/> can wait for them (nothing left running).</summary>
    private void Track(Task task) => Track(task, _running);

    // Keeps the task in the set (under _gate) until it ends.
    private void Track(Task task, HashSet<Task> set)
    {
        lock (_gate)
        {
            set.Add(task);
        }
        _ = task.ContinueWith(t =>
        {
            lock (_gate)
            {
                set.Remove(t);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private int NextChunkRandom(int minInclusive, int maxExclusive)
    {
        lock (_chunkRandom)
        {
            return _chunkRandom.Next(minInclusive, maxExclusive);
        }
    }
}
