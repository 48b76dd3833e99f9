
namespace BlinkTrade.RestSoak;

/// <summary>One run's settings, from the command line.</summary>
/// <param name="Duration">How long the bot works while faults are injected.</param>
/// <param name="Seed">The fault schedule's and the bot's seed.</param>
/// <param name="AttemptTimeout">The REST clients' AttemptTimeout.</param>
/// <param name="Workers">Concurrent trading workers on the bot's main REST client.</param>
/// <param name="Weights">The odds of the faults.</param>
/// <param name="Faults">Gaps and hole lengths.</param>
/// <param name="OutputDirectory">Where the log and the tables go.</param>
internal sealed record RestSoakSettings(TimeSpan Duration, int Seed, TimeSpan AttemptTimeout, int Workers, FaultWeights Weights, FaultInjectorOptions Faults,
    string OutputDirectory);
