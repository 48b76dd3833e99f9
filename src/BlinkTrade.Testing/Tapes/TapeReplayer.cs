using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkTrade.Client.Transport;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.Testing.Tapes;

/// <summary>
/// Plays a <see cref="SessionTape"/> to a client as a scripted exchange: a transport whose n-th connection plays the
/// tape's n-th connection. Each taped exchange frame is sent as soon as every client frame taped before it has arrived;
/// each taped client frame must be answered by a client frame of the same <c>MsgType</c>. So a recorded production
/// incident replays to your code as a deterministic unit test, with no exchange at all.
/// </summary>
/// <remarks>
/// <para>Ids the replaying client picks differently (request ids, client order ids) are learned from its frames and
/// put into the replies (see the remarks of the id fields on the tape). Credentials are not checked: the tape holds
/// <c>***</c>. The client must not send frames the recorded one did not (turn heartbeats off, or keep its clock still).</para>
/// <para>A client frame that does not match ends that connection and faults <see cref="Completion"/> with an
/// <see cref="InvalidOperationException"/> saying which frame was expected and what arrived.</para>
/// </remarks>
public sealed class TapeReplayer : IBlinkTradeTransport, IAsyncDisposable
{
    private readonly IReadOnlyList<IReadOnlyList<TapeEntry>> _connections;
    private readonly FakeTimeProvider? _clock;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _players = [];
    private int _opened;
    private int _remaining;

    /// <summary>Creates a replayer.</summary>
    /// <param name="tape">The tape to play.</param>
    /// <param name="clock">When given, moved forward to each exchange frame's taped time before the frame is sent
    /// (for code whose timers matter); the replay never waits for real time either way.</param>
    public TapeReplayer(SessionTape tape, FakeTimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(tape);
        _connections = [.. tape.Entries.GroupBy(entry => entry.Connection).Select(group => (IReadOnlyList<TapeEntry>)[.. group])];
        _clock = clock;
        _remaining = _connections.Count;
        if (_remaining == 0)
        {
            _completion.TrySetResult();
        }
    }

    /// <summary>Completes when every taped connection has been played to its end; faults on the first mismatch.</summary>
    public Task Completion => _completion.Task;

    /// <inheritdoc />
    public ValueTask<IBlinkTradeConnection> ConnectAsync(Uri? endpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var index = Interlocked.Increment(ref _opened) - 1;
        if (index >= _connections.Count)
        {
            throw new ConnectionClosedException($"The tape holds {_connections.Count} connection(s); the client opened another.");
        }
        var (client, server) = InMemoryConnection.CreatePair(firstName: "replaying client", secondName: "tape replayer");
        lock (_players)
        {
            _players.Add(PlayAsync(server, _connections[index], _stop.Token));
        }
        return ValueTask.FromResult<IBlinkTradeConnection>(client);
    }

    /// <summary>Stops every connection still playing.</summary>
    /// <returns>A task that completes when they stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Task[] players;
        lock (_players)
        {
            players = [.. _players];
        }
        await Task.WhenAll(players).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _completion.TrySetCanceled();
        _stop.Dispose();
    }

    private async Task PlayAsync(IBlinkTradeConnection server, IReadOnlyList<TapeEntry> script, CancellationToken cancellationToken)
    {
        var ids = new TapeIdMap();
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            for (var i = 0; i < script.Count; i++)
            {
                var entry = script[i];
                if (entry.Direction == TapeDirection.ExchangeToClient)
                {
                    if (_clock is not null && entry.Time > _clock.GetUtcNow())
                    {
                        _clock.SetUtcNow(entry.Time);
                    }
                    var frame = entry.Frame is null ? [] : JsonSerializer.SerializeToUtf8Bytes(ids.Substitute(entry.Frame));
                    await server.SendAsync(frame, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                buffer.ResetWrittenCount();
                if (!await server.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false))
                {
                    throw Mismatch(entry, i, "the client closed the connection");
                }
                var actual = Parse(buffer.WrittenSpan);
                var actualType = actual?["MsgType"]?.GetValueKind() == JsonValueKind.String ? actual["MsgType"]!.GetValue<string>() : null;
                if (actualType != entry.MsgType)
                {
                    throw Mismatch(entry, i, $"the client sent MsgType {actualType ?? "(none)"}");
                }
                ids.Learn(entry.Frame, actual);
            }
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _completion.TrySetResult();
            }
            // The script is over; the connection stays open, and what the client still sends (a logout) is not answered.
            while (await server.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false))
            {
                buffer.ResetWrittenCount();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException mismatch)
        {
            _completion.TrySetException(mismatch);
            server.Abort();
        }
        catch (ConnectionClosedException)
        {
            // The client went away; a script cut short shows as a Completion that never finished.
        }
    }

    private static JsonObject? Parse(ReadOnlySpan<byte> frame)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static InvalidOperationException Mismatch(TapeEntry expected, int index, string what) =>
        new($"Tape connection {expected.Connection}, frame {index + 1}: expected the client to send MsgType {expected.MsgType ?? "(not JSON)"}, but {what}.");
}
