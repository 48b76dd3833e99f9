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
        _app.Map("/headers/", async (HttpContext context) =>
        {
            // Answers the upgrade request's X-Test header (and its query) in one frame, then closes.
            var echoed = context.Request.Headers["X-Test"].ToString() + context.Request.QueryString.Value;
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await socket.SendAsync(Encoding.UTF8.GetBytes(echoed), System.Net.WebSockets.WebSocketMessageType.Text, true, context.RequestAborted);
            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done", context.RequestAborted);
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

    [Fact]
    public async Task The_upgrade_carries_the_configured_request_headers_and_the_query()
    {
        var options = new WebSocketTransportOptions();
        options.RequestHeaders["X-Test"] = "blinktrade-sdk/1";
        var endpoint = new Uri(_endpoint, "/headers/?a=1");
        await using var connection = await new WebSocketTransport(options).ConnectAsync(endpoint, CancellationToken.None);
        var buffer = new ArrayBufferWriter<byte>();
        Assert.True(await connection.ReceiveAsync(buffer, CancellationToken.None));
        Assert.Equal("blinktrade-sdk/1?a=1", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public async Task A_request_header_with_a_line_break_is_refused_before_connecting()
    {
        var options = new WebSocketTransportOptions();
        options.RequestHeaders["X-Test"] = "a\r\nX-Injected: 1";
        await Assert.ThrowsAsync<ArgumentException>(() => new WebSocketTransport(options).ConnectAsync(_endpoint, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task A_server_that_refuses_the_upgrade_fails_the_connect_with_its_status()
    {
        var error = await Assert.ThrowsAsync<ConnectionClosedException>(
            () => new WebSocketTransport().ConnectAsync(new Uri(_endpoint, "/nothing-here/"), CancellationToken.None).AsTask());
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n\r\n")]
    [InlineData("SSH-2.0-OpenSSH\r\n\r\n")]
    [InlineData("HTTP/1.1 101 Switching")]
    public async Task A_server_answering_without_a_valid_upgrade_fails_the_connect(string answer)
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var request = new byte[4096];
            var length = 0;
            while (!Encoding.ASCII.GetString(request, 0, length).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                length += await stream.ReadAsync(request.AsMemory(length));
            }
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
            client.Client.Shutdown(System.Net.Sockets.SocketShutdown.Send);
            _ = await stream.ReadAsync(request); // returns once the client gives up and closes
        });
        var endpoint = new Uri($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/trade/");
        await Assert.ThrowsAsync<ConnectionClosedException>(() => new WebSocketTransport().ConnectAsync(endpoint, CancellationToken.None).AsTask());
        await serving.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_wss_endpoint_whose_certificate_the_system_does_not_trust_fails_the_connect()
    {
        using var certificate = SelfSignedCertificate.CreateForLocalhost();
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var tls = new System.Net.Security.SslStream(client.GetStream());
            try
            {
                // With TLS 1.3 the server's side may complete before the client checks the certificate and gives up.
                await tls.AuthenticateAsServerAsync(certificate);
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
            }
        });
        var endpoint = new Uri($"wss://localhost:{((IPEndPoint)listener.LocalEndpoint).Port}/trade/");
        var error = await Assert.ThrowsAsync<ConnectionClosedException>(() => new WebSocketTransport().ConnectAsync(endpoint, CancellationToken.None).AsTask());
        Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException);
        await serving.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_accept_value_is_the_one_RFC_6455_gives_for_its_sample_key()
    {
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketHandshake.AcceptFor("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    [Fact]
    public async Task Connections_are_independent_one_disposed_leaves_the_other_working()
    {
        var transport = new WebSocketTransport();
        var first = await transport.ConnectAsync(_endpoint, CancellationToken.None);
        await using var second = await transport.ConnectAsync(_endpoint, CancellationToken.None);
        await first.DisposeAsync();
        Assert.False(first.IsOpen);

        var buffer = new ArrayBufferWriter<byte>();
        await second.SendAsync(Encoding.UTF8.GetBytes("{\"b\":2}"), CancellationToken.None);
        Assert.True(await second.ReceiveAsync(buffer, CancellationToken.None));
        Assert.Equal("{\"B\":2}", Encoding.UTF8.GetString(buffer.WrittenSpan));
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
