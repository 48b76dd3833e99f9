namespace BlinkTrade.EndToEnd.Tests.Support;

/// <summary>Bounded polling: the only kind of waiting the end-to-end tests do.</summary>
internal static class Wait
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task Eventually(Func<bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Default);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout ?? Default}: {what ?? "(unnamed)"}");
            }
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>Polls an asynchronous <paramref name="condition"/> until it holds.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Default);
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout ?? Default}: {what ?? "(unnamed)"}");
            }
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>A token cancelled after <paramref name="seconds"/>, for every await of a test.</summary>
    public static CancellationTokenSource Budget(int seconds = 30) => new(TimeSpan.FromSeconds(seconds));
}
