using BlinkTrade.Quickstart.State;

namespace BlinkTrade.Quickstart.View;

/// <summary>A way to show the market: the live terminal dashboard or plain text lines.</summary>
internal interface IMarketView
{
    /// <summary>Shows a message before (or outside) the view, e.g. "Connecting to …".</summary>
    /// <param name="message">The message (plain text, never a secret).</param>
    void Info(string message);

    /// <summary>Shows a problem that stops the sample.</summary>
    /// <param name="message">The message (plain text, never a secret).</param>
    void Fail(string message);

    /// <summary>Draws <paramref name="state"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="state">What to draw.</param>
    /// <param name="cancellationToken">Stops the view.</param>
    /// <returns>A task that completes (without faulting on cancellation) when the view stopped.</returns>
    Task RunAsync(MarketState state, CancellationToken cancellationToken);
}
