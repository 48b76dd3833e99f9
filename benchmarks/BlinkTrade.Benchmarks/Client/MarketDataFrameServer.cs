using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
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
/// A minimal Kestrel loopback WebSocket server that isolates the client: it answers every <c>V</c> subscribe with a
/// <c>W</c> snapshot of a BTCUSD book (<see cref="Depth"/> levels a side) followed by <c>frames</c> pre-serialized
/// <c>X</c> frames, sent back to back as fast as the socket takes them. The X frames cycle through a fixed script that
/// is consistent with the snapshot (inserts at positions 1–10 later deleted, size changes, a trade plus a change) and
/// returns the book to its initial state, so the client's replica never goes out of sync. Frames are shaped like the
/// reference exchange's (<c>MarketDataHub</c>): MDReqID, MDBkTyp, and full book fields on new/change entries.
/// </summary>
internal sealed class MarketDataFrameServer : IAsyncDisposable
{
    public const int Depth = 50;

    private const long PriceScale = 100_000_000;
    private const long BestBid = 62_000 * PriceScale;
    private const long BestAsk = 62_001 * PriceScale;
    private const long Tick = PriceScale / 100;

    private readonly WebApplication _app;
    private readonly int _frames;

    private MarketDataFrameServer(WebApplication app, int frames, Uri uri)
    {
        _app = app;
        _frames = frames;
        Uri = uri;
    }

    public Uri Uri { get; }

    /// <summary>The cyclic X script (each element one pre-serialized frame body without the MDReqID prefix).</summary>
    public static byte[][] Script { get; } = BuildScript();

    /// <summary>Average X frame size in bytes (MDReqID 1).</summary>
    public static double AverageFrameBytes => Script.Average(f => (double)Frame(1, f).Length);

    public static async Task<MarketDataFrameServer> StartAsync(int frames)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        MarketDataFrameServer? server = null;
        app.Map("/trade/", context => server!.AcceptAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new MarketDataFrameServer(app, frames, new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/trade/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var buffer = new ArrayBufferWriter<byte>(4096);
        Task streaming = Task.CompletedTask;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                if (ProtocolSerializer.TryDeserialize(buffer.WrittenSpan, out var message, out _) &&
                    message is MarketDataRequest { SubscriptionRequestType: var type } request && type == SubscriptionRequestType.SnapshotAndUpdates)
                {
                    // Only the streaming task sends; a second subscribe on one connection waits for the first stream.
                    await streaming.ConfigureAwait(false);
                    streaming = StreamAsync(socket, request.MDReqID, context.RequestAborted);
                }
            }
            await streaming.ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
    }

    private async Task StreamAsync(WebSocket socket, long mdReqId, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Snapshot(mdReqId), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        var frames = Script.Select(body => Frame(mdReqId, body)).ToArray();
        for (var i = 0; i < _frames; i++)
        {
            await socket.SendAsync(frames[i % frames.Length], WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
    }

    public static byte[] FrameBytes(long mdReqId, byte[] body) => Frame(mdReqId, body);

    public static byte[] SnapshotBytes(long mdReqId) => Snapshot(mdReqId);

    private static byte[] Frame(long mdReqId, byte[] body)
    {
        var prefix = System.Text.Encoding.UTF8.GetBytes($"{{\"MsgType\":\"X\",\"MDReqID\":{mdReqId},\"MDBkTyp\":\"3\",\"MDIncGrp\":");
        return [.. prefix, .. body, (byte)'}'];
    }

    private static byte[] Snapshot(long mdReqId)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(output))
        {
            w.WriteStartObject();
            w.WriteString("MsgType", "W");
            w.WriteNumber("MDReqID", mdReqId);
            w.WriteString("Symbol", "BTCUSD");
            w.WriteNumber("MarketDepth", 0);
            w.WriteStartArray("MDFullGrp");
            for (var i = 0; i < Depth; i++)
            {
                BookEntry(w, null, "0", i + 1, BestBid - (i * Tick), Size(i), 1_000 + i);
            }
            for (var i = 0; i < Depth; i++)
            {
                BookEntry(w, null, "1", i + 1, BestAsk + (i * Tick), Size(i + 7), 2_000 + i);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }

    private static long Size(int i) => ((i % 9) + 1) * PriceScale / 10;

    // A cycle of 40 frames that leaves the book as it found it: for each position p in 1..10 and each side, a new
    // order at p, a size change at p, then its delete; with a trade + change (two entries) in some frames.
    private static byte[][] BuildScript()
    {
        var frames = new List<byte[]>();
        long orderId = 10_000;
        for (var p = 1; p <= 10; p++)
        {
            foreach (var side in new[] { "0", "1" })
            {
                var price = side == "0" ? BestBid - ((p - 1) * Tick) : BestAsk + ((p - 1) * Tick);
                var id = orderId++;
                frames.Add(Entries(w => BookEntry(w, "0", side, p, price, Size(p), id)));
                if (p % 3 == 0)
                {
                    frames.Add(Entries(w =>
                    {
                        TradeEntry(w, price, PriceScale / 100, id);
                        BookEntry(w, "1", side, p, price, Size(p) - (PriceScale / 100), id);
                    }));
                }
                else
                {
                    frames.Add(Entries(w => BookEntry(w, "1", side, p, price, Size(p + 1), id)));
                }
                frames.Add(Entries(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("MDUpdateAction", "2");
                    w.WriteString("Symbol", "BTCUSD");
                    w.WriteString("MDEntryType", side);
                    w.WriteNumber("MDEntryPositionNo", p);
                    w.WriteEndObject();
                }));
            }
        }
        return [.. frames];
    }

    private static byte[] Entries(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(output))
        {
            w.WriteStartArray();
            write(w);
            w.WriteEndArray();
        }
        return output.WrittenSpan.ToArray();
    }

    private static void BookEntry(Utf8JsonWriter w, string? action, string side, int position, long price, long size, long orderId)
    {
        w.WriteStartObject();
        if (action is not null)
        {
            w.WriteString("MDUpdateAction", action);
        }
        w.WriteString("Symbol", "BTCUSD");
        w.WriteString("MDEntryType", side);
        w.WriteNumber("MDEntryPositionNo", position);
        w.WriteNumber("MDEntryID", orderId);
        w.WriteNumber("MDEntryPx", price);
        w.WriteNumber("MDEntrySize", size);
        w.WriteString("MDEntryDate", "2026-11-21");
        w.WriteString("MDEntryTime", "07:15:42");
        w.WriteNumber("OrderID", orderId);
        w.WriteNumber("UserID", 90_000_000 + (orderId % 7));
        w.WriteString("Broker", "exchange");
        w.WriteEndObject();
    }

    private static void TradeEntry(Utf8JsonWriter w, long price, long size, long orderId)
    {
        w.WriteStartObject();
        w.WriteString("MDUpdateAction", "0");
        w.WriteString("MDEntryType", "2");
        w.WriteString("Symbol", "BTCUSD");
        w.WriteNumber("MDEntryPx", price);
        w.WriteNumber("MDEntrySize", size);
        w.WriteString("MDEntryDate", "2026-11-21");
        w.WriteString("MDEntryTime", "07:15:42");
        w.WriteNumber("OrderID", orderId);
        w.WriteNumber("TradeID", orderId);
        w.WriteString("Side", "1");
        w.WriteNumber("SecondaryOrderID", orderId - 1);
        w.WriteNumber("MDEntryBuyerID", 90_000_001);
        w.WriteNumber("MDEntrySellerID", 90_000_002);
        w.WriteEndObject();
    }
}
