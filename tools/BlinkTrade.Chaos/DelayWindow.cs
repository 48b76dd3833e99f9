namespace BlinkTrade.Chaos;

/// <summary>A jitter window: every chunk waits between <paramref name="MinMs"/> and <paramref name="MaxMs"/> until
/// Environment.TickCount64 reaches <paramref name="UntilMs"/>. Replaced whole, so a reader never sees half of one.</summary>
internal sealed record DelayWindow(int MinMs, int MaxMs, long UntilMs);
