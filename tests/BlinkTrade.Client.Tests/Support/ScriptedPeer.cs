using System.Buffers;
using System.Text;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Tests.Support;

/// <summary>
/// The server end of a connection (in memory, or a server-side WebSocket), driven by a test: it parses every frame the client sends, answers
/// what its auto-responders match, and records everything so a test can await a specific request and answer it by
/// hand (deterministic edge cases the real exchange cannot be forced into).
/// </summary>
internal sealed class ScriptedPeer : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<BlinkTradeMessage> _received = [];
    private readonly List<Func<BlinkTradeMessage, ScriptedPeer, bool>> _responders = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public ScriptedPeer(IBlinkTradeConnection connection, Action<ScriptedPeer>? configure)
    {
        Connection = connection;
        configure?.Invoke(this);
        _loop = Task.Run(ReadLoopAsync);
    }

    public IBlinkTradeConnection Connection { get; }

    /// <summary>Completes when the client side closed the connection.</summary>
    public Task Completion => _loop;

    public bool Closed { get; private set; }

    /// <summary>Answers every message of type <typeparamref name="T"/> with <paramref name="respond"/>'s result (null: no answer).</summary>
    public ScriptedPeer Respond<T>(Func<T, BlinkTradeMessage?> respond) where T : BlinkTradeMessage
    {
        lock (_gate)
        {
            _responders.Add((message, peer) =>
            {
                if (message is not T typed)
                {
                    return false;
                }
                if (respond(typed) is { } answer)
                {
                    peer.Send(answer);
                }
                return true;
            });
        }
        return this;
    }

    /// <summary>Answers TestRequests with Heartbeats (the default for most tests).</summary>
    public ScriptedPeer AnswerHeartbeats()
        => Respond<TestRequest>(t => new Heartbeat { TestReqID = t.TestReqID, SendTime = t.SendTime, ServerTimestamp = 1_700_000_000 });

    public void Send(BlinkTradeMessage message) => SendRaw(ProtocolSerializer.SerializeToString(message));

    public void SendRaw(string json)
    {
        try
        {
            Connection.SendAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        catch (ConnectionClosedException)
        {
        }
    }

    /// <summary>Waits for the first not-yet-consumed message of type <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    public async Task<T> ExpectAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null) where T : BlinkTradeMessage
    {
        var deadline = DateTime.UtcNow + (timeout ?? TestDefaults.Timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (var i = 0; i < _received.Count; i++)
                {
                    if (_received[i] is T typed && (match is null || match(typed)))
                    {
                        _received.RemoveAt(i);
                        return typed;
                    }
                }
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The peer received no {typeof(T).Name} in time.");
            }
            await Task.WhenAny(changed, Task.Delay(left)).ConfigureAwait(false);
        }
    }

    /// <summary>Every message received and not yet consumed by <see cref="ExpectAsync{T}"/>.</summary>
    public IReadOnlyList<BlinkTradeMessage> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public void Abort() => Connection.Abort();

    public ValueTask CloseAsync() => Connection.CloseAsync("scripted close", CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Connection.Abort();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception)
        {
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                if (!await Connection.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false))
                {
                    break;
                }
                var message = ProtocolSerializer.Deserialize(buffer.WrittenSpan);
                Func<BlinkTradeMessage, ScriptedPeer, bool>[] responders;
                lock (_gate)
                {
                    responders = [.. _responders];
                }
                // The most recently registered responder wins, so a test can override a standard script.
                _ = responders.Reverse().Any(r => r(message, this));
                lock (_gate)
                {
                    _received.Add(message);
                    var changed = _changed;
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    changed.TrySetResult();
                }
            }
        }
        catch (ConnectionClosedException)
        {
        }
        finally
        {
            Closed = true;
            lock (_gate)
            {
                _changed.TrySetResult();
            }
        }
    }
}
