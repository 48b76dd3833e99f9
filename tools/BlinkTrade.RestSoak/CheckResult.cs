namespace BlinkTrade.RestSoak;

/// <summary>One audit check: what it compared, and whether it held.</summary>
internal sealed record CheckResult(string What, bool Held);
