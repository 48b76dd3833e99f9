
namespace BlinkTrade.NetworkSoak;

/// <summary>One run's settings, from the command line (Program.cs documents each option).</summary>
internal sealed record SoakSettings(
    TimeSpan Duration,
    int Seed,
    TimeSpan RequestTimeout,
    bool ClientDefaults,
    FaultWeights Weights,
    FaultInjectorOptions Faults,
    string OutputDirectory);
