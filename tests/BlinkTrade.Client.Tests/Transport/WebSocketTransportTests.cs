using System.Buffers;
using System.Net;
using System.Text;
using BlinkTrade.Client.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Client.Tests.Transport;

/// <summary>The ClientWebSocket transport against a real loopback Kestrel server whose handler uses the same
/// <see cref="WebSocketConnection"/> on the server side.</summary>
public sealed class WebSocketTransportTests : IAsyncLifetime
{
    private WebApplication? _app;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/trade/", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await using var connection = new WebSocketConnection(socket, "client", maxFrameBytes: 64 * 1024);
            var buffer = new ArrayBufferWriter<byte>();
            try
            {
                while (await connection.ReceiveAsync(buffer, context.RequestAborted))
                {
                    // Echo, upper-cased, so the test sees the server really processed the frame.
                    var text = Encoding.UTF8.GetString(buffer.WrittenSpan).ToUpperInvariant();
                    buffer.ResetWrittenCount();
                    await connection.SendAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
                }
                await connection.CloseAsync("done", CancellationToken.None);
            }
            catch (ConnectionClosedException)
            {
            }
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _endpoint = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/trade/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Frames_round_trip_including_large_multi_fragment_frames()
    {
        var transport = new WebSocketTransport();
        await using var connection = await transport.ConnectAsync(_endpoint, CancellationToken.None);
        Assert.True(connection.IsOpen);

        var buffer = new ArrayBufferWriter<byte>();
        await connection.SendAsync(Encoding.UTF8.GetBytes("{\"msgtype\":\"1\"}"), CancellationToken.None);
        Assert.True(await connection.ReceiveAsync(buffer, CancellationToken.None));
        Assert.Equal("{\"MSGTYPE\":\"1\"}", Encoding.UTF8.GetString(buffer.WrittenSpan));

        var large = new string('a', 40_000); // several 8 KiB receive chunks
        buffer.ResetWrittenCount();
        await connection.SendAsync(Encoding.UTF8.GetBytes(large), CancellationToken.None);
        Assert.True(await connection.ReceiveAsync(buffer, CancellationToken.None));
        Assert.Equal(large.ToUpperInvariant(), Encoding.UTF8.GetString(buffer.WrittenSpan));

        await connection.CloseAsync("bye", CancellationToken.None);
        buffer.ResetWrittenCount();
        Assert.False(await connection.ReceiveAsync(buffer, CancellationToken.None));
    }

    [Fact]
    public async Task An_idle_receive_asks_for_no_buffer_until_a_frame_arrives()
    {
        await using var connection = await new WebSocketTransport().ConnectAsync(_endpoint, CancellationToken.None);
        var destination = new WatchingWriter();
        var receiving = connection.ReceiveAsync(destination, CancellationToken.None).AsTask();
        // The receive waits for the frame without memory: the destination is first asked for some after the echo
        // (of the frame sent below) has arrived, never while the connection was idle.
        destination.Sent = true;
        await connection.SendAsync(Encoding.UTF8.GetBytes("{\"a\":1}"), CancellationToken.None);
        Assert.True(await receiving);
        Assert.Equal("{\"A\":1}", Encoding.UTF8.GetString(destination.Inner.WrittenSpan));
        Assert.False(destination.AskedWhileIdle);
        Assert.True(destination.Asked);
    }

    [Fact]
    public async Task Server_refuses_frames_over_its_limit()
    {
        await using var connection = await new WebSocketTransport().ConnectAsync(_endpoint, CancellationToken.None);
        await connection.SendAsync(new byte[70 * 1024], CancellationToken.None);
        // The server aborts; the client sees the connection fail or close, never a reply.
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            Assert.False(await connection.ReceiveAsync(buffer, CancellationToken.None));
        }
        catch (ConnectionClosedException)
        {
        }
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public async Task Unreachable_endpoints_and_bad_schemes_fail_clearly()
    {
        var transport = new WebSocketTransport(new WebSocketTransportOptions { ConnectTimeout = TimeSpan.FromSeconds(5) });
        await Assert.ThrowsAsync<ArgumentException>(() => transport.ConnectAsync(new Uri("http://127.0.0.1:1/"), CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ConnectionClosedException>(() => transport.ConnectAsync(new Uri("ws://127.0.0.1:1/trade/"), CancellationToken.None).AsTask());
    }

    // Records whether memory was asked for before the test sent the frame whose echo is received.
    private sealed class WatchingWriter : IBufferWriter<byte>
    {
        public ArrayBufferWriter<byte> Inner { get; } = new();

        public volatile bool Sent;

        public bool Asked { get; private set; }

        public bool AskedWhileIdle { get; private set; }

        public void Advance(int count) => Inner.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Asked = true;
            AskedWhileIdle |= !Sent;
            return Inner.GetMemory(sizeHint);
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
