namespace BlinkTrade.Client;

/// <summary>A connection-state transition with its reason.</summary>
/// <param name="State">The new state.</param>
/// <param name="Reason">Why (e.g. <c>"heartbeat missed 2 times"</c>); never contains credentials.</param>
/// <param name="Exception">The error that caused it, when there is one.</param>
/// <param name="Timestamp">When it happened (the client's <see cref="TimeProvider"/>).</param>
public sealed record ConnectionStateChange(ConnectionState State, string Reason, Exception? Exception, DateTimeOffset Timestamp);
