namespace BlinkTrade.Chaos;

/// <summary>Injects a random fault into the <see cref="ChaosProxy"/> at random intervals, all drawn from one seeded
/// generator (the same seed gives the same schedule of kinds and lengths; what they hit depends on timing). The ranges
/// are the first proxy's (proxy.py), which found the frozen-path pacing bug.</summary>
internal sealed class FaultInjector(ChaosProxy proxy, FaultWeights weights, int seed, FaultInjectorOptions options)
{
    private readonly Random _random = new(seed);

    /// <summary>Injects until <paramref name="cancellationToken"/> is cancelled (faults already running end on their own).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Seconds(options.MinGap, options.MaxGap), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Inject(weights.Pick(_random));
        }
    }

    private void Inject(FaultKind kind)
    {
        switch (kind)
        {
            case FaultKind.Reset:
                proxy.ResetAll();
                // Often the reconnect meets a dead listener too, as after a real middlebox restart.
                if (_random.NextDouble() < 0.4)
                {
                    proxy.Refuse(Seconds(0.5, 4));
                }
                break;
            case FaultKind.DropHole or FaultKind.FreezeHole:
                var direction = (HoleDirection)_random.Next(3);
                // A drop hole lasts until the client's stale detection gives up on the connection, or is cut short by a reset.
                proxy.OpenHole(direction, Seconds(options.MinHole, options.MaxHole), kind == FaultKind.DropHole ? HoleMode.Drop : HoleMode.Freeze);
                break;
            case FaultKind.Delay:
                proxy.StartDelay(0, new[] { 50, 200, 800 }[_random.Next(3)], Seconds(3, 15));
                break;
            case FaultKind.Fragment:
                proxy.StartFragmenting(Seconds(3, 15));
                break;
            case FaultKind.SplitRequest:
                proxy.StartSplitting(Seconds(3, 10));
                break;
            case FaultKind.CutResponse:
                proxy.StartCutting(Seconds(3, 10));
                break;
            default:
                proxy.Refuse(Seconds(1, 8));
                break;
        }
    }

    private TimeSpan Seconds(double min, double max) => TimeSpan.FromSeconds(min + (_random.NextDouble() * (max - min)));
}
