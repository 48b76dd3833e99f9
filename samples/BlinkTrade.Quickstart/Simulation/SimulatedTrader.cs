using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Quickstart.Simulation;

/// <summary>
/// What the simulated traders share: a logged-in client of their own, a seeded <see cref="System.Random"/>, the clock,
/// and a loop that keeps going through the odd failure (a problem is reported, not fatal) until cancelled.
/// </summary>
internal abstract class SimulatedTrader
{
    /// <summary>Creates a trader.</summary>
    /// <param name="client">The trader's own logged-in session.</param>
    /// <param name="symbol">The instrument it trades.</param>
    /// <param name="random">Its random source (seeded: the same seed makes the same decisions).</param>
    /// <param name="timeProvider">The clock its pauses run on.</param>
    /// <param name="onProblem">Where to report a failed action.</param>
    protected SimulatedTrader(IBlinkTradeClient client, string symbol, Random random, TimeProvider timeProvider, Action<string> onProblem)
    {
        Client = client;
        Symbol = symbol;
        Random = random;
        TimeProvider = timeProvider;
        OnProblem = onProblem;
    }

    /// <summary>The trader's session.</summary>
    protected IBlinkTradeClient Client { get; }

    /// <summary>The instrument.</summary>
    protected string Symbol { get; }

    /// <summary>The trader's random source (used by its loop only, never concurrently).</summary>
    protected Random Random { get; }

    /// <summary>The clock.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>Reports a problem.</summary>
    protected Action<string> OnProblem { get; }

    /// <summary>Pauses, acts, pauses again… until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops the trader.</param>
    /// <returns>A task that completes (never faults) when stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var pause = FirstPause;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pause, TimeProvider, cancellationToken);
                pause = NextPause();
                await ActAsync(cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: a cancelled wait or a request cut short by the closing session is expected.
                return;
            }
            catch (Exception ex)
            {
                OnProblem($"{GetType().Name}: {ex.Message}");
                pause = TimeSpan.FromSeconds(1);
            }
        }
    }

    /// <summary>How long to wait before the first action (none by default).</summary>
    protected virtual TimeSpan FirstPause => TimeSpan.Zero;

    /// <summary>One action: send, cancel or replace orders.</summary>
    /// <param name="cancellationToken">Stops the action.</param>
    /// <returns>A task that completes when done.</returns>
    protected abstract Task ActAsync(CancellationToken cancellationToken);

    /// <summary>How long to wait before the next action.</summary>
    /// <returns>The pause.</returns>
    protected abstract TimeSpan NextPause();

    /// <summary>A random quantity between two sizes, in steps of 0.001.</summary>
    /// <param name="min">The smallest.</param>
    /// <param name="max">The largest.</param>
    /// <returns>The quantity.</returns>
    protected Quantity RandomSize(decimal min, decimal max)
    {
        var size = Math.Round(min + (max - min) * (decimal)Random.NextDouble(), 3, MidpointRounding.ToZero);
        return Quantity.FromDecimal(Math.Max(size, min));
    }

    /// <summary>A random pause between two durations.</summary>
    /// <param name="min">The shortest.</param>
    /// <param name="max">The longest.</param>
    /// <returns>The pause.</returns>
    protected TimeSpan RandomPause(TimeSpan min, TimeSpan max) => min + (max - min) * Random.NextDouble();
}
