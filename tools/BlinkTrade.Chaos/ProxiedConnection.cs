using System.Net.Sockets;

namespace BlinkTrade.Chaos;

/// <summary>One client connection through the <see cref="ChaosProxy"/>: two pumps (client to exchange, exchange to
/// client) that honour the proxy's faults.</summary>
internal sealed class ProxiedConnection
{
    private readonly ChaosProxy _proxy;
    private readonly Socket _client;
    private readonly Socket _server;
    private int _dead;
    private int _corrupt;

    public ProxiedConnection(ChaosProxy proxy, Socket client, Socket server)
    {
        _proxy = proxy;
        _client = client;
        _server = server;
        Up = new OneWayPath(isUp: true, client, server);
        Down = new OneWayPath(isUp: false, server, client);
    }

    public OneWayPath Up { get; }

    public OneWayPath Down { get; }

    public bool IsDead => Volatile.Read(ref _dead) == 1;

    /// <summary>A drop hole swallowed bytes: the stream can no longer be parsed, so the connection must not survive.</summary>
    public bool IsCorrupt => Volatile.Read(ref _corrupt) == 1;

    /// <summary>Pumps both ways until both peers closed or the connection was reset.</summary>
    public async Task RunAsync()
    {
        await Task.WhenAll(PumpAsync(Up), PumpAsync(Down));
        if (IsCorrupt)
        {
            Reset();
        }
        else
        {
            _client.Dispose();
            _server.Dispose();
        }
    }

    /// <summary>An abrupt close of both sides (RST, not FIN), as a broken path or a restarted middlebox does.</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _dead, 1) == 1)
        {
            return;
        }
        foreach (var socket in new[] { _client, _server })
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already closed: disposing is all that is left.
            }
            socket.Dispose();
        }
    }

    /// <summary>Ends a black hole: a freeze delivers what it held (before anything read since). A connection that lost
    /// bytes to a drop is reset instead, whichever hole ends — a real network never resumes a stream after a loss (TCP
    /// retransmits or the connection dies), and a stream that resumed after a silent gap would hand the client frames
    /// with others missing between them. A path a later hole took over (see <see cref="OneWayPath.HoleGeneration"/>) is
    /// left to that hole's end.</summary>
    public async Task EndHoleAsync(IReadOnlyList<OneWayPath> paths, IReadOnlyList<int> generations, HoleMode mode)
    {
        if (IsDead)
        {
            return;
        }
        if (IsCorrupt)
        {
            _proxy.Log($"{mode.ToString().ToLowerInvariant()} hole end: a connection lost bytes -> RST");
            Reset();
            return;
        }
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            await path.WriteLock.WaitAsync();
            try
            {
                if (path.HoleGeneration != generations[i])
                {
                    continue; // a later hole holds this path now
                }
                path.Hole = HoleMode.None;
                var held = path.Held.ToArray();
                path.Held.Clear();
                foreach (var chunk in held)
                {
                    Interlocked.Add(ref _proxy.Counters.HeldBytesReleased, chunk.Length);
                    await SendAllAsync(path.Target, chunk);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Reset meanwhile: nothing to deliver to.
            }
            finally
            {
                path.WriteLock.Release();
            }
        }
    }

    private async Task PumpAsync(OneWayPath path)
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                var read = await path.Source.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    Interlocked.Increment(ref path.IsUp ? ref _proxy.Counters.ClientClosed : ref _proxy.Counters.ServerClosed);
                    // Flush what a freeze holds, then half-close like the peer did; the other direction ends on its
                    // own when the other peer closes (or is reset).
                    while (path.Hole != HoleMode.None && !IsDead)
                    {
                        await Task.Delay(50);
                    }
                    try
                    {
                        path.Target.Shutdown(SocketShutdown.Send);
                    }
                    catch (Exception e) when (e is SocketException or ObjectDisposedException)
                    {
                        // The other side is gone already: nothing to half-close.
                    }
                    return;
                }
                Interlocked.Add(ref path.IsUp ? ref _proxy.Counters.BytesUp : ref _proxy.Counters.BytesDown, read);
                var chunk = buffer.AsSpan(0, read).ToArray();
                await path.WriteLock.WaitAsync();
                try
                {
                    switch (path.Hole)
                    {
                        case HoleMode.Drop:
                            Volatile.Write(ref _corrupt, 1);
                            break;
                        case HoleMode.Freeze:
                            path.Held.Add(chunk);
                            break;
                        case HoleMode.None when !path.IsUp && _proxy.ShouldCutAnswer():
                            // The request was forwarded and is being answered: the answer never arrives.
                            Interlocked.Increment(ref _proxy.Counters.CutResponses);
                            _proxy.Log("answer cut -> RST");
                            Reset();
                            return;
                        default:
                            await _proxy.DeliverAsync(path, chunk);
                            break;
                    }
                }
                finally
                {
                    path.WriteLock.Release();
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // One side was reset (or this connection was): reset the other too, as a broken path would.
            Reset();
        }
    }

    /// <summary>Socket.SendAsync may accept part of a buffer: loop until the whole chunk is written.</summary>
    public static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None);
            data = data[sent..];
        }
    }
}
