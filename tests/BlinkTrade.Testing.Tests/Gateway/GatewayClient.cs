using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>A raw protocol client for the tests: sends JSON text, receives parsed frames, waits for matches.</summary>
public sealed class GatewayClient : IAsyncDisposable
{
    // Only a safety net: every wait ends on the frame it waits for. Tens of seconds, so a loaded 2-core CI machine that
    // runs the test projects side by side does not fail a test that is merely slow.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private readonly IBlinkTradeConnection _connection;
    private readonly List<JsonElement> _backlog = [];

    public GatewayClient(IBlinkTradeConnection connection) => _connection = connection;

    public IBlinkTradeConnection Connection => _connection;

    public Task SendAsync(string json) => _connection.SendAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None).AsTask();

    public Task SendAsync(JsonObject message) => SendAsync(message.ToJsonString());

    /// <summary>Receives the next frame (or null when the server closed).</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan? timeout = null)
    {
        if (_backlog.Count > 0)
        {
            var first = _backlog[0];
            _backlog.RemoveAt(0);
            return first;
        }
        return await ReceiveRawAsync(timeout ?? DefaultTimeout);
    }

    /// <summary>Waits for the first frame matching <paramref name="match"/>; other frames are kept for later receives.</summary>
    public Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan? timeout = null) => WaitForAsync(match, 0, timeout);

    private async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, int skipBacklog, TimeSpan? timeout)
    {
        for (var i = skipBacklog; i < _backlog.Count; i++)
        {
            if (match(_backlog[i]))
            {
                var found = _backlog[i];
                _backlog.RemoveAt(i);
                return found;
            }
        }
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var frame = await ReceiveRawAsync(timeout ?? DefaultTimeout, cts.Token) ?? throw new InvalidOperationException("Connection closed while waiting. Backlog: " + string.Join('\n', _backlog.Select(b => b.GetRawText())));
            if (match(frame))
            {
                return frame;
            }
            _backlog.Add(frame);
        }
    }

    public Task<JsonElement> WaitForTypeAsync(string msgType, TimeSpan? timeout = null) =>
        WaitForAsync(f => f.GetProperty("MsgType").GetString() == msgType, timeout);

    /// <summary>Sends a request and waits for a frame of <paramref name="responseType"/> (or an ERROR) received after the send.</summary>
    public async Task<JsonElement> RequestAsync(string json, string responseType)
    {
        var skip = _backlog.Count; // frames already kept answer earlier requests
        await SendAsync(json);
        return await WaitForAsync(f => f.GetProperty("MsgType").GetString() is var t && (t == responseType || t == "ERROR"), skip, null);
    }

    /// <summary>Whether the server closes the connection within the timeout (frames before the close are drained).</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var frame = await ReceiveRawAsync(timeout ?? DefaultTimeout, cts.Token);
                if (frame is null)
                {
                    return true;
                }
                _backlog.Add(frame.Value);
            }
        }
        catch (ConnectionClosedException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public IReadOnlyList<JsonElement> Backlog => _backlog;

    /// <summary>Forgets the frames kept so far (long-running loops that ignore most frames).</summary>
    public void ClearBacklog() => _backlog.Clear();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<JsonElement?> ReceiveRawAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        var buffer = new ArrayBufferWriter<byte>();
        if (!await _connection.ReceiveAsync(buffer, cts.Token))
        {
            return null;
        }
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
    }
}
