namespace BlinkTrade.Quickstart.Simulation;

/// <summary>How a simulated taker trades.</summary>
/// <param name="Name">The trader's username on the embedded exchange.</param>
/// <param name="MinInterval">Shortest pause between two orders.</param>
/// <param name="MaxInterval">Longest pause between two orders.</param>
/// <param name="MinSize">Smallest order (BTC).</param>
/// <param name="MaxSize">Largest order (BTC).</param>
internal sealed record TakerProfile(string Name, TimeSpan MinInterval, TimeSpan MaxInterval, decimal MinSize, decimal MaxSize);
