namespace BlinkTrade.Client;

/// <summary>
/// Outgoing-message pacing (PROTOCOL.md §5 G40): the exchange closes a connection that sends more than
/// <see cref="MaxMessagesPerSecond"/> messages within any rolling second, so the client holds messages back instead
/// of tripping that limit. Messages wait, they are never dropped; heartbeats and cancels go first, then new orders,
/// then queries, paging and subscriptions. The wait counts against a request's timeout.
/// </summary>
/// <remarks>
/// A message's permit comes back one second plus <see cref="SafetyMargin"/> after the client knows the server read
/// it: for a request, after its answer (or a later request's); for a message nothing answers, after it was sent. So
/// no more than <see cref="MaxMessagesPerSecond"/> messages are unanswered at once, and a network path that freezes
/// and recovers cannot deliver more than that together. Pacing runs on <see cref="BlinkTradeClientOptions.TimeProvider"/>:
/// under a manual clock its waits end when the clock is moved, like the request timeouts.
/// </remarks>
public sealed class PacingOptions
{
    /// <summary>Whether outgoing messages are paced; default <see langword="true"/>. Turn it off only against a server
    /// without a rate limit.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The server's limit: messages per rolling second on one connection; default 15 (the BlinkTrade gateway's
    /// and the reference exchange's default).</summary>
    public int MaxMessagesPerSecond { get; set; } = 15;

    /// <summary>How much longer than one second the client's window is; default 250 ms. The server counts a message
    /// when it reads it, so a burst delayed on the way (network, a busy server) arrives closer together than it was
    /// sent: the margin absorbs that difference between the two windows.</summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(250);
}
