namespace BlinkTrade.NetworkSoak.Chaos;

/// <summary>The faults the proxy injects. <see cref="FaultWeights"/> names them as the first proxy (proxy.py) did:
/// rst, hole_drop, hole_freeze, delay, frag, refuse.</summary>
internal enum FaultKind
{
    /// <summary>Every open connection closed abruptly (an RST both ways, SO_LINGER 0).</summary>
    Reset,

    /// <summary>A black hole that discards the bytes with the connection kept open; the stream is corrupt afterwards,
    /// so the connection is reset when the hole ends (unless the client gave up on it first).</summary>
    DropHole,

    /// <summary>A black hole that holds the bytes and delivers them all at once when it ends: a path that freezes and
    /// recovers, or a buffering middlebox.</summary>
    FreezeHole,

    /// <summary>Every chunk delayed by a random jitter, order kept.</summary>
    Delay,

    /// <summary>Every chunk written 1–7 bytes at a time: frames split across many TCP segments.</summary>
    Fragment,

    /// <summary>New connections reset as soon as they are accepted: reconnects fail for a while.</summary>
    Refuse,
}
