namespace BlinkTrade.NetworkSoak.Audit;

/// <summary>One promise checked after the run: whether it held, and what was compared with what.</summary>
internal sealed record CheckResult(bool Held, string What);
