namespace BlinkTrade.Quickstart.Simulation;

/// <summary>How a simulated market maker quotes.</summary>
/// <param name="Name">The trader's username on the embedded exchange.</param>
/// <param name="HalfSpread">Distance from the mid to its best bid and best ask.</param>
/// <param name="Step">Distance between its price levels.</param>
/// <param name="Levels">Levels per side.</param>
/// <param name="MinSize">Smallest quote size (BTC).</param>
/// <param name="MaxSize">Largest quote size (BTC).</param>
/// <param name="RequoteInterval">How often it moves its quotes to the current mid (± 50 % jitter).</param>
internal sealed record MakerProfile(string Name, decimal HalfSpread, decimal Step, int Levels, decimal MinSize, decimal MaxSize, TimeSpan RequoteInterval);
