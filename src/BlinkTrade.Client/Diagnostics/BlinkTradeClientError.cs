namespace BlinkTrade.Client.Diagnostics;

/// <summary>
/// A problem the client recovered from (or reports without failing a call): a malformed frame, a server <c>ERROR</c>,
/// a subscriber that threw, a lost connection. Published on <see cref="IBlinkTradeClient.Errors"/>.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Message">A description that never contains credentials.</param>
/// <param name="Exception">The underlying exception, when there is one.</param>
/// <param name="Timestamp">When it happened (the client's <see cref="TimeProvider"/>).</param>
public sealed record BlinkTradeClientError(ClientErrorKind Kind, string Message, Exception? Exception, DateTimeOffset Timestamp);
