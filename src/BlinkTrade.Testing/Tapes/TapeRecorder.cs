using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Testing.Tapes;

/// <summary>
/// Records every frame of the connections it wraps, both ways, with its time, to a JSON Lines tape (see
/// <see cref="SessionTape"/>). Credentials are written as <c>***</c>, the way <see cref="Client.Protocol.SecretString"/>
/// prints them, so a tape can be attached to a bug report. Wrap a client's transport with <see cref="Wrap"/>, or give
/// the recorder to an exchange (<see cref="ReferenceExchangeOptions.SessionTape"/>) to record every session it serves.
/// </summary>
/// <remarks>Thread-safe: frames of all connections go to one tape, each line written and flushed whole.</remarks>
public sealed class TapeRecorder : IAsyncDisposable
{
    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly bool _ownsWriter;
    private readonly Lock _gate = new();
    private int _connections;
    private bool _disposed;

    /// <summary>Creates a recorder that writes to <paramref name="writer"/> (which the caller keeps owning).</summary>
    /// <param name="writer">Where the JSON lines go.</param>
    /// <param name="time">The clock of the entries' times; the system clock when null.</param>
    public TapeRecorder(TextWriter writer, TimeProvider? time = null)
        : this(writer, time, ownsWriter: false)
    {
    }

    private TapeRecorder(TextWriter writer, TimeProvider? time, bool ownsWriter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _time = time ?? TimeProvider.System;
        _ownsWriter = ownsWriter;
    }

    /// <summary>Creates a recorder that writes a new tape file (replacing one of that name).</summary>
    /// <param name="path">The tape file.</param>
    /// <param name="time">The clock of the entries' times; the system clock when null.</param>
    /// <returns>The recorder; dispose it to close the file.</returns>
    public static TapeRecorder CreateFile(string path, TimeProvider? time = null) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), time, ownsWriter: true);

    /// <summary>A transport whose connections are recorded (the client's side: what it sends is <c>out</c>).</summary>
    /// <param name="inner">The transport to record.</param>
    /// <returns>The recording transport.</returns>
    public IBlinkTradeTransport Wrap(IBlinkTradeTransport inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new RecordingTransport(inner, this);
    }

    /// <summary>Wraps one connection; <paramref name="exchangeSide"/> when the connection is the exchange's end (what it sends is <c>in</c>).</summary>
    internal IBlinkTradeConnection WrapConnection(IBlinkTradeConnection inner, bool exchangeSide) =>
        new RecordingConnection(inner, this, Interlocked.Increment(ref _connections), exchangeSide);

    internal void Record(int connection, TapeDirection direction, ReadOnlySpan<byte> frame)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(frame) as JsonObject;
            TapeRedaction.Redact(json); // inside the try: a JsonObject reads its properties lazily, here
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON, or JSON no JsonObject holds (a repeated property name): only its length is taped (it could
            // hold anything), and the session goes on — a frame's content never ends a session, taped or not.
            json = null;
        }
        var line = SessionTape.FormatLine(new TapeEntry(_time.GetUtcNow(), connection, direction, json), json is null ? frame.Length : 0);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    /// <summary>Stops recording and closes the file the recorder created.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        if (_ownsWriter)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
