namespace BlinkTrade.Chaos;

/// <summary>How often faults come and how long black holes last, in seconds.</summary>
/// <param name="MinGap">Shortest wait between two faults (proxy.py: 4).</param>
/// <param name="MaxGap">Longest wait between two faults (proxy.py: 15).</param>
/// <param name="MinHole">Shortest black hole (proxy.py: 2).</param>
/// <param name="MaxHole">Longest black hole (proxy.py: 25; longer than the stale detection of the short heartbeats).</param>
internal sealed record FaultInjectorOptions(double MinGap = 4, double MaxGap = 15, double MinHole = 2, double MaxHole = 25);
