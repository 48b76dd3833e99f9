using BlinkTrade.Testing.Gateway.Engine;

namespace BlinkTrade.Testing.Tests.Gateway.Engine;

/// <summary>Occupies an exchange actor so that what is invoked meanwhile queues up (its backlog path).</summary>
internal static class ActorHold
{
    /// <summary>Starts an item that waits for the returned signal (at most <paramref name="safetyNet"/>), once it runs.</summary>
    public static async Task<TaskCompletionSource> HoldAsync<T>(ExchangeActor<T> actor, TimeSpan safetyNet)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(() => actor.InvokeAsync(_ =>
        {
            entered.SetResult();
            release.Task.Wait(safetyNet);
        }, CancellationToken.None));
        await entered.Task.WaitAsync(safetyNet);
        return release;
    }
}
