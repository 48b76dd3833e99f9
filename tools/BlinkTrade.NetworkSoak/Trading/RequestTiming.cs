namespace BlinkTrade.NetworkSoak.Trading;

/// <summary>One request's time: who sent it, what it was, how long it took, "ok" or the exception's type name, and
/// when it ended (seconds on the log's clock).</summary>
internal sealed record RequestTiming(string Who, string Kind, double Ms, string Outcome, double At);
