namespace BlinkTrade.Client;

/// <summary>An outgoing message that waited for pacing (<see cref="PacingOptions"/>) before it was sent.</summary>
/// <param name="MsgType">The message's type, e.g. <c>D</c> or <c>U34</c>.</param>
/// <param name="Delay">How long it waited for a free slot of the rate limit (system clock).</param>
/// <param name="Timestamp">When it was released (the client's clock).</param>
public sealed record PacingDelay(string MsgType, TimeSpan Delay, DateTimeOffset Timestamp);
