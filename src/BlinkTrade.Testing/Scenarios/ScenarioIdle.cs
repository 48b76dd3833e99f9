using System.Collections.Concurrent;
using BlinkTrade.Client;
using BlinkTrade.Testing.Gateway;

namespace BlinkTrade.Testing.Scenarios;

/// <summary>
/// Decides when a scenario has nothing left to do: the exchange actor has no work item running or queued, no session
/// holds an outbound frame, no frame is in flight on any tracked in-memory connection, every tracked client has
/// nothing queued to send and its streams delivered everything, and every piece of tracked application work completed.
/// </summary>
/// <remarks>
/// These are snapshots taken on different threads, so one quiet look can fall between two steps of a chain (a frame
/// handed from a session's queue to the wire). Idle therefore means <see cref="QuietLooks"/> quiet looks in a row,
/// each after the thread pool had a turn to run what was scheduled.
/// </remarks>
internal sealed class ScenarioIdle(ExchangeRuntime runtime, IdleTrackingTransport transport)
{
    private const int QuietLooks = 3;
    private readonly ConcurrentQueue<BlinkTradeClient> _clients = new();
    private readonly ConcurrentQueue<Func<Task>> _work = new();

    public void Track(BlinkTradeClient client) => _clients.Enqueue(client);

    public void TrackWork(Func<Task> whenIdle) => _work.Enqueue(whenIdle);

    /// <summary>What is still busy, or null when everything is quiet right now.</summary>
    public string? Busy()
    {
        if (!runtime.Actor.IsIdle)
        {
            return "the exchange actor has work items";
        }
        if (runtime.QueuedBytes != 0)
        {
            return $"exchange sessions hold {runtime.QueuedBytes} bytes of outbound frames";
        }
        if (!transport.IsIdle)
        {
            return "frames are in flight on the in-memory transport";
        }
        foreach (var client in _clients)
        {
            if (!client.IsIdle)
            {
                return "a client has frames to send or stream items to deliver";
            }
        }
        return null;
    }

    public async Task WaitAsync(TimeSpan safetyNet, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(safetyNet);
        var quiet = 0;
        var spins = 0;
        while (true)
        {
            var busy = Busy();
            if (busy is null)
            {
                // Application work (a strategy's pending orders) may start more exchange work when it completes.
                var pending = _work.Select(whenIdle => whenIdle()).Where(task => !task.IsCompleted).ToArray();
                if (pending.Length > 0)
                {
                    await WaitForAsync(Task.WhenAll(pending), safetyNet, timeout.Token).ConfigureAwait(false);
                    quiet = 0;
                    continue;
                }
                if (++quiet >= QuietLooks)
                {
                    return;
                }
            }
            else
            {
                quiet = 0;
            }
            if (timeout.IsCancellationRequested)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"The scenario did not become idle within {safetyNet.TotalSeconds:0} s: {busy ?? "application work"}.");
            }
            // Give the thread pool a turn (the work we wait for runs there); after a while stop spinning and let a
            // millisecond pass so a loaded machine's other threads get the cores.
            if (++spins < 64)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(1, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task WaitForAsync(Task work, TimeSpan safetyNet, CancellationToken cancellationToken)
    {
        try
        {
            await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Tracked application work did not complete within {safetyNet.TotalSeconds:0} s.");
        }
#pragma warning disable CA1031 // A failed order is the test's to observe; idle only means it is over.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
