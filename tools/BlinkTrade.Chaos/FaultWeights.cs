using System.Globalization;

namespace BlinkTrade.Chaos;

/// <summary>The relative odds of each <see cref="FaultKind"/>, written as the first proxy took them:
/// <c>rst=3,hole_drop=2,hole_freeze=2,delay=2,frag=2,refuse=1</c> (a kind left out never happens); the HTTP soak adds
/// <c>cut</c> and <c>split</c>.</summary>
internal sealed class FaultWeights
{
    /// <summary>The WebSocket soak's odds (tools/BlinkTrade.NetworkSoak).</summary>
    public const string Default = "rst=3,hole_drop=2,hole_freeze=2,delay=2,frag=2,refuse=1";

    /// <summary>The REST soak's odds (tools/BlinkTrade.RestSoak): the HTTP faults too, cut answers most.</summary>
    public const string HttpDefault = "rst=2,hole_drop=2,hole_freeze=2,delay=2,frag=2,refuse=1,cut=3,split=2";

    private static readonly Dictionary<string, FaultKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rst"] = FaultKind.Reset,
        ["hole_drop"] = FaultKind.DropHole,
        ["hole_freeze"] = FaultKind.FreezeHole,
        ["delay"] = FaultKind.Delay,
        ["frag"] = FaultKind.Fragment,
        ["refuse"] = FaultKind.Refuse,
        ["cut"] = FaultKind.CutResponse,
        ["split"] = FaultKind.SplitRequest,
    };

    private readonly List<(FaultKind Kind, double Weight)> _weights;

    private FaultWeights(List<(FaultKind Kind, double Weight)> weights) => _weights = weights;

    /// <summary>Parses <c>name=weight,…</c>; null with <paramref name="error"/> set when it is not that.</summary>
    public static FaultWeights? Parse(string text, out string? error)
    {
        var weights = new List<(FaultKind, double)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=');
            if (pair.Length != 2 || !Names.TryGetValue(pair[0], out var kind) ||
                !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0)
            {
                error = $"'{part}' is not name=weight with a name among {string.Join(", ", Names.Keys)} and a weight ≥ 0";
                return null;
            }
            weights.Add((kind, weight));
        }
        if (weights.Sum(w => w.Item2) <= 0)
        {
            error = "at least one fault needs a weight above 0";
            return null;
        }
        error = null;
        return new FaultWeights(weights);
    }

    public FaultKind Pick(Random random)
    {
        var roll = random.NextDouble() * _weights.Sum(w => w.Weight);
        foreach (var (kind, weight) in _weights)
        {
            if (roll < weight)
            {
                return kind;
            }
            roll -= weight;
        }
        return _weights.Last(w => w.Weight > 0).Kind;
    }
}
