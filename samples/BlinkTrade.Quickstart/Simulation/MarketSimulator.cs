namespace BlinkTrade.Quickstart.Simulation;

/// <summary>
/// Realistic-looking flow on the embedded exchange: two market makers quote ladders around a drifting mid price
/// (a tight one re-quoting often, a deep one slower), two takers hit them with market and IOC orders. The book stays
/// two-sided and trades print every second or so. Every random choice comes from a seeded <see cref="Random"/>.
/// </summary>
internal sealed class MarketSimulator
{
    /// <summary>The price the simulation starts from and returns to (USD per BTC, 2015-era BlinkTrade).</summary>
    public const decimal AnchorPrice = 620m;

    /// <summary>How often the mid price moves.</summary>
    public static readonly TimeSpan MidStep = TimeSpan.FromMilliseconds(250);

    /// <summary>The simulated market makers.</summary>
    public static readonly IReadOnlyList<MakerProfile> DefaultMakers =
    [
        new("maker-tight", HalfSpread: 0.05m, Step: 0.10m, Levels: 6, MinSize: 0.05m, MaxSize: 0.6m, RequoteInterval: TimeSpan.FromMilliseconds(600)),
        new("maker-deep", HalfSpread: 0.20m, Step: 0.35m, Levels: 8, MinSize: 0.2m, MaxSize: 2.0m, RequoteInterval: TimeSpan.FromMilliseconds(1500)),
    ];

    /// <summary>The simulated takers.</summary>
    public static readonly IReadOnlyList<TakerProfile> DefaultTakers =
    [
        new("taker-retail", MinInterval: TimeSpan.FromMilliseconds(200), MaxInterval: TimeSpan.FromMilliseconds(900), MinSize: 0.005m, MaxSize: 0.15m),
        new("taker-whale", MinInterval: TimeSpan.FromMilliseconds(1500), MaxInterval: TimeSpan.FromMilliseconds(4000), MinSize: 0.3m, MaxSize: 1.5m),
    ];

    private readonly IReadOnlyList<SimulatedTrader> _traders;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a simulator over traders that already share <paramref name="mid"/>.</summary>
    /// <param name="mid">The mid price walk the traders read.</param>
    /// <param name="traders">The traders.</param>
    /// <param name="timeProvider">The clock of the mid price steps.</param>
    public MarketSimulator(MidPriceWalk mid, IReadOnlyList<SimulatedTrader> traders, TimeProvider timeProvider)
    {
        Mid = mid;
        _traders = traders;
        _timeProvider = timeProvider;
    }

    /// <summary>The mid price the makers quote around.</summary>
    public MidPriceWalk Mid { get; }

    /// <summary>Runs every trader and the mid price walk until cancelled.</summary>
    /// <param name="cancellationToken">Stops the simulation.</param>
    /// <returns>A task that completes (without faulting) when everything stopped.</returns>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_traders.Select(t => t.RunAsync(cancellationToken)).Append(WalkAsync(cancellationToken)));

    private async Task WalkAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(MidStep, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Mid.Step();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
