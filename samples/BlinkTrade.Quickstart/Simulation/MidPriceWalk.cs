namespace BlinkTrade.Quickstart.Simulation;

/// <summary>
/// The "fair" price the simulated market makers quote around: a random walk with a pull back towards an anchor, so
/// the price wanders visibly but stays in a believable range however long the sample runs. Deterministic for a given
/// <see cref="Random"/>; thread-safe (makers read it while the simulator steps it).
/// </summary>
internal sealed class MidPriceWalk
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly decimal _anchor;
    private readonly decimal _volatility;
    private readonly decimal _reversion;
    private decimal _current;

    /// <summary>Starts a walk at <paramref name="anchor"/>.</summary>
    /// <param name="anchor">The starting price, and the price the walk is pulled back to.</param>
    /// <param name="volatility">The standard deviation of one step, in price units.</param>
    /// <param name="reversion">The fraction of the distance to the anchor recovered at each step (0…1).</param>
    /// <param name="random">The random source (seed it for a repeatable walk).</param>
    public MidPriceWalk(decimal anchor, decimal volatility, decimal reversion, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(anchor);
        ArgumentOutOfRangeException.ThrowIfNegative(volatility);
        ArgumentOutOfRangeException.ThrowIfNegative(reversion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reversion, 1m);
        _anchor = anchor;
        _volatility = volatility;
        _reversion = reversion;
        _random = random;
        _current = anchor;
    }

    /// <summary>The current mid price.</summary>
    public decimal Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Moves the price one step.</summary>
    /// <returns>The new mid price.</returns>
    public decimal Step()
    {
        lock (_gate)
        {
            var shock = (decimal)NextGaussian() * _volatility;
            var next = _current + (_anchor - _current) * _reversion + shock;
            // Never near zero or absurdly far: a hard band of ±50 % around the anchor.
            _current = Math.Clamp(next, _anchor * 0.5m, _anchor * 1.5m);
            return _current;
        }
    }

    // Box–Muller: a standard normal variate from two uniform ones.
    private double NextGaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
