using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>socket-floor-server --rung R</c>: the server half of <see cref="SocketFloorCommand"/>, a child process with no
/// BlinkTrade code on its path. Listens on a loopback port (<c>ready &lt;port&gt;</c>), answers every heartbeat
/// <c>1</c> on the connection's own receive with the same bytes as a <c>0</c>, and on stdin:
/// <list type="bullet">
/// <item><c>await N</c>: answers once N connections are up;</item>
/// <item><c>fanout</c>: sends the update message to every connection and answers <c>&lt;t0&gt; &lt;t1&gt;</c>, the
/// <see cref="Stopwatch"/> timestamps before the first send and after the last one was handed to the kernel;</item>
/// <item><c>items</c>: this process's thread-pool work items so far.</item>
/// </list>
/// Rungs: <c>tcp</c> (raw sockets, <see cref="Socket.Send(ReadOnlySpan{byte})"/> to each in turn on one thread),
/// <c>tcp-chunks</c> (raw sockets, <c>SendAsync</c> from thread-pool items of 64 connections, each item queueing the
/// next, as the exchange's fan-out does), <c>ws</c> (<see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/>
/// over a <c>NetworkStream</c>, no HTTP, chunks of 64), <c>kestrel</c> (a minimal Kestrel app accepting WebSockets on
/// <c>/floor/</c>, chunks of 64).
/// </summary>
public static class SocketFloorServerCommand
{
    /// <summary>The rungs this server runs, in ladder order.</summary>
    internal static readonly string[] Rungs = ["tcp", "tcp-chunks", "ws", "kestrel"];

    /// <summary>Connections per thread-pool item of a chunked fan-out: the exchange's <c>FanOut.ChunkSize</c>.</summary>
    private const int ChunkSize = 64;

    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var rung = BenchOptions.String(args, "--rung") ?? "tcp";
        if (!Rungs.Contains(rung))
        {
            Console.Error.WriteLine("usage: socket-floor-server --rung " + string.Join('|', Rungs));
            return 2;
        }
        return RunAsync(rung).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string rung)
    {
        using var stop = new CancellationTokenSource();
        var connections = new Connections();
        WebApplication? app = null;
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        int port;
        if (rung == "kestrel")
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            app = builder.Build();
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
            app.Map("/floor/", async context =>
            {
                if (!context.WebSockets.IsWebSocketRequest)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
                var peer = new SocketFloorWebSocketPeer(webSocket, transport: null);
                connections.Add(peer);
                await peer.ReceiveAsync(message => Echo(peer, message), CancellationToken.None);
            });
            await app.StartAsync(stop.Token);
            port = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;
        }
        else
        {
            listener.NoDelay = true;
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(4096);
            port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            _ = AcceptAsync(listener, rung, connections, stop.Token);
        }

        Console.WriteLine("ready " + port.ToString(CultureInfo.InvariantCulture));
        byte[]? update = null;
        await ChildProcess.ServeAsync(async request =>
        {
            if (request.StartsWith("await ", StringComparison.Ordinal))
            {
                await connections.WaitForAsync(int.Parse(request["await ".Length..], CultureInfo.InvariantCulture), stop.Token);
                return "ok";
            }
            if (request == "items")
            {
                return ThreadPool.CompletedWorkItemCount.ToString(CultureInfo.InvariantCulture);
            }
            if (request != "fanout")
            {
                return "?";
            }
            var peers = connections.Snapshot();
            update ??= peers[0].Frame(SocketFloorCommand.Update);
            var (t0, t1) = rung == "tcp" ? SendFromOneThread(peers, update) : await SendInChunksAsync(peers, update);
            return string.Create(CultureInfo.InvariantCulture, $"{t0} {t1}");
        });

        await stop.CancelAsync();
        if (app is not null)
        {
            using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(shutdown.Token);
            await app.DisposeAsync();
        }
        connections.DisposeAll();
        return 0;
    }

    private static async Task AcceptAsync(Socket listener, string rung, Connections connections, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptAsync(cancellationToken);
                socket.NoDelay = true;
                SocketFloorPeer peer = rung == "ws"
                    ? new SocketFloorWebSocketPeer(
                        WebSocket.CreateFromStream(new NetworkStream(socket, ownsSocket: true), new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero }),
                        transport: null)
                    : new SocketFloorTcpPeer(socket);
                connections.Add(peer);
                _ = peer.ReceiveAsync(message => Echo(peer, message), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopped.
        }
    }

    // A heartbeat's reply is its request with MsgType 0: flipped in the receive buffer and sent from it, which is safe
    // because the client sends its next message only after this reply arrived.
    private static void Echo(SocketFloorPeer peer, Memory<byte> message)
    {
        var at = message.Span.IndexOf("\"MsgType\":\"1\""u8);
        if (at < 0)
        {
            return;
        }
        message.Span[at + "\"MsgType\":\"".Length] = (byte)'0';
        peer.Post(message, CancellationToken.None);
    }

    private static (long T0, long T1) SendFromOneThread(SocketFloorPeer[] peers, byte[] update)
    {
        var t0 = Stopwatch.GetTimestamp();
        foreach (var peer in peers)
        {
            var socket = ((SocketFloorTcpPeer)peer).Socket;
            try
            {
                for (var sent = 0; sent < update.Length;)
                {
                    sent += socket.Send(update.AsSpan(sent));
                }
            }
            catch (SocketException)
            {
                // The client went away: its arrival is missing.
            }
        }
        return (t0, Stopwatch.GetTimestamp());
    }

    private static async Task<(long T0, long T1)> SendInChunksAsync(SocketFloorPeer[] peers, byte[] update)
    {
        var t0 = Stopwatch.GetTimestamp();
        var fanOut = new ChunkedFanOut(peers, update);
        fanOut.QueueChunk(0);
        var t1 = await fanOut.Done.Task;
        return (t0, t1);
    }

    /// <summary>
    /// One update sent from thread-pool items of <see cref="ChunkSize"/> connections, each queueing the next when done.
    /// The sends take no cancellable token: with one, <c>ManagedWebSocket</c> takes its slower path for every frame
    /// (task 18p), and the floor is the fastest the framework offers.
    /// </summary>
    private sealed class ChunkedFanOut(SocketFloorPeer[] peers, byte[] update)
    {
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void QueueChunk(int start) => ThreadPool.UnsafeQueueUserWorkItem(static s => s.Fan.SendChunk(s.Start), (Fan: this, Start: start), preferLocal: false);

        private void SendChunk(int start)
        {
            var end = Math.Min(start + ChunkSize, peers.Length);
            for (var i = start; i < end; i++)
            {
                peers[i].Post(update, CancellationToken.None);
            }
            if (end < peers.Length)
            {
                QueueChunk(end);
            }
            else
            {
                Done.TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    }

    /// <summary>The connections accepted so far, and waiters for a count of them.</summary>
    private sealed class Connections
    {
        private readonly List<SocketFloorPeer> _peers = [];
        private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

        public void Add(SocketFloorPeer peer)
        {
            lock (_peers)
            {
                _peers.Add(peer);
                foreach (var waiter in _waiters.Where(w => w.Count <= _peers.Count).ToList())
                {
                    waiter.Reached.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }

        public Task WaitForAsync(int count, CancellationToken cancellationToken)
        {
            lock (_peers)
            {
                if (_peers.Count >= count)
                {
                    return Task.CompletedTask;
                }
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, reached));
                return reached.Task.WaitAsync(cancellationToken);
            }
        }

        public SocketFloorPeer[] Snapshot()
        {
            lock (_peers)
            {
                return [.. _peers];
            }
        }

        public void DisposeAll()
        {
            foreach (var peer in Snapshot())
            {
                peer.Dispose();
            }
        }
    }
}
