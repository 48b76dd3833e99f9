namespace BlinkTrade.Chaos;

/// <summary>The faults the proxy injects. <see cref="FaultWeights"/> names them as the first proxy (proxy.py) did:
/// rst, hole_drop, hole_freeze, delay, frag, refuse, and for HTTP cut and split.</summary>
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

    /// <summary>For a while, half of the answers the exchange sends back are cut: the connection is reset instead of
    /// delivering them, after the request was forwarded and executed — the caller cannot know the outcome.</summary>
    CutResponse,

    /// <summary>For a while, the last bytes of each chunk a client sends are held back for 4–10 s (a lost last segment
    /// waiting for its retransmission): an HTTP request's head arrives, its body much later.</summary>
    SplitRequest,
}
