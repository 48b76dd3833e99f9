using System.CommandLine;

namespace BlinkTrade.Chaos;

/// <summary>The fault options every soak takes on its command line — <c>--weights</c>, <c>--min-gap</c>,
/// <c>--max-gap</c>, <c>--min-hole</c>, <c>--max-hole</c> — with the tool's own defaults, and their validation.</summary>
internal sealed class FaultCommandLine
{
    private readonly Option<string> _weights;
    private readonly Option<double> _minGap;
    private readonly Option<double> _maxGap;
    private readonly Option<double> _minHole;
    private readonly Option<double> _maxHole;

    /// <param name="weights">The default odds (<see cref="FaultWeights.Default"/>, <see cref="FaultWeights.HttpDefault"/>).</param>
    /// <param name="kinds">The fault names the tool's help lists.</param>
    /// <param name="defaults">The default gaps and holes.</param>
    public FaultCommandLine(string weights, string kinds, FaultInjectorOptions defaults)
    {
        _weights = new Option<string>("--weights") { Description = "Relative odds of the faults: " + kinds + ".", DefaultValueFactory = _ => weights };
        _minGap = new Option<double>("--min-gap") { Description = "Shortest wait between two faults, seconds.", DefaultValueFactory = _ => defaults.MinGap };
        _maxGap = new Option<double>("--max-gap") { Description = "Longest wait between two faults, seconds.", DefaultValueFactory = _ => defaults.MaxGap };
        _minHole = new Option<double>("--min-hole") { Description = "Shortest black hole, seconds.", DefaultValueFactory = _ => defaults.MinHole };
        _maxHole = new Option<double>("--max-hole") { Description = "Longest black hole, seconds.", DefaultValueFactory = _ => defaults.MaxHole };
    }

    /// <summary>The options, to add to the tool's command.</summary>
    public IEnumerable<Option> Options => [_weights, _minGap, _maxGap, _minHole, _maxHole];

    /// <summary>Reads the options: the problem with them (for standard error, exit code 2), or null when they are valid.</summary>
    public string? Read(ParseResult result, out FaultWeights weights, out FaultInjectorOptions faults)
    {
        faults = new FaultInjectorOptions(result.GetValue(_minGap), result.GetValue(_maxGap), result.GetValue(_minHole), result.GetValue(_maxHole));
        var parsed = FaultWeights.Parse(result.GetValue(_weights)!, out var weightsError);
        weights = parsed!;
        return faults.MinGap <= 0 || faults.MaxGap < faults.MinGap ? "--min-gap must be above 0 and --max-gap at least --min-gap"
            : faults.MinHole <= 0 || faults.MaxHole < faults.MinHole ? "--min-hole must be above 0 and --max-hole at least --min-hole"
            : parsed is null ? "--weights: " + weightsError
            : null;
    }
}
