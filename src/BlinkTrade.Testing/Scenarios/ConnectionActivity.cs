namespace BlinkTrade.Testing.Scenarios;

/// <summary>
/// The frames of one in-memory connection pair that were sent but not yet handled: a frame counts from its send
/// until its receiver asks for the next frame (the exchange session and the client both handle a frame completely
/// before they receive again), so a zero count means neither end has a frame on the wire or in its hands.
/// </summary>
internal sealed class ConnectionActivity
{
    private int _inFlight;
    private volatile bool _closed;

    /// <summary>Nothing in flight, or the pair is closed (frames of a dead pair are never handled).</summary>
    public bool IsIdle => _closed || Volatile.Read(ref _inFlight) == 0;

    public bool IsClosed => _closed;

    public void Sent() => Interlocked.Increment(ref _inFlight);

    public void Handled() => Interlocked.Decrement(ref _inFlight);

    public void Close() => _closed = true;
}
