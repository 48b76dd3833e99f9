using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;
using BlinkTrade.Client.Transport;
using BlinkTrade.Quickstart.State;
using BlinkTrade.Quickstart.View;

namespace BlinkTrade.Quickstart.Demo;

/// <summary>
/// Shows order entry end to end: a small limit buy well below the best bid (so it rests instead of trading), left on
/// the book for a moment, then cancelled. Its execution reports (New, then Cancelled) arrive on the client's
/// <c>ExecutionReports</c> stream and appear in the view; the order shows up under the open orders meanwhile.
/// </summary>
internal sealed class DemoOrder
{
    /// <summary>How long the order rests before it is cancelled.</summary>
    public static readonly TimeSpan RestingTime = TimeSpan.FromSeconds(2);

    /// <summary>The order's size.</summary>
    public static readonly Quantity Size = Quantity.FromDecimal(0.01m);

    /// <summary>The order's price relative to the best bid: far enough below that it cannot fill in a few seconds.</summary>
    public const decimal PriceFactor = 0.9m;

    private static readonly TimeSpan BookWait = TimeSpan.FromSeconds(10);

    private readonly IBlinkTradeClient _client;
    private readonly MarketState _state;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the demonstration.</summary>
    /// <param name="client">The user's logged-in session.</param>
    /// <param name="state">The market state (for the best bid; notices go there too).</param>
    /// <param name="timeProvider">The clock.</param>
    public DemoOrder(IBlinkTradeClient client, MarketState state, TimeProvider timeProvider)
    {
        _client = client;
        _state = state;
        _timeProvider = timeProvider;
    }

    /// <summary>Places the order, waits <see cref="RestingTime"/>, cancels it. The cancel is sent even when
    /// <paramref name="cancellationToken"/> fires first: an order must not outlive the sample on a real server.</summary>
    /// <param name="cancellationToken">Stops the demonstration early.</param>
    /// <returns>A task that completes when done; it does not fault.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await WaitForBestBidAsync(cancellationToken) is not { } bestBid)
            {
                _state.Notice("demo order skipped: the book has no bid to price it from");
                return;
            }
            // Whole units: valid on any instrument whose tick divides one unit.
            var price = Price.FromDecimal(Math.Floor(bestBid.ToDecimal() * PriceFactor));
            var placed = await _client.SendOrderAsync(NewOrder.Limit(_state.Symbol, Side.Buy, Size, price), cancellationToken);
            if (placed.ExecType == ExecType.Rejected)
            {
                _state.Notice($"demo order rejected: {placed.Text}");
                return;
            }
            _state.Notice($"demo order {placed.OrderID}: buy {Formats.Of(Size)} @ {Formats.Of(price)}, cancelling in {RestingTime.TotalSeconds:0} s");
            try
            {
                await Task.Delay(RestingTime, _timeProvider, cancellationToken);
            }
            finally
            {
                await CancelAsync(placed);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped early.
        }
        catch (Exception ex) when (ex is BlinkTradeErrorException or BlinkTradeTimeoutException or ConnectionClosedException)
        {
            _state.Notice($"demo order failed: {ex.Message}");
        }
    }

    private async Task<Price?> WaitForBestBidAsync(CancellationToken cancellationToken)
    {
        if (_state.Snapshot().Book?.BestBid is null)
        {
            _state.Notice("demo order: waiting for a bid to price it from");
        }
        var deadline = _timeProvider.GetUtcNow() + BookWait;
        while (_timeProvider.GetUtcNow() < deadline)
        {
            if (_state.Snapshot().Book?.BestBid is { } best)
            {
                return best.Price;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), _timeProvider, cancellationToken);
        }
        return null;
    }

    // The client delivers each subscriber's reports on that subscriber's own task: wait until the view's state has the
    // final report too, so that a shutdown right after the cancel still shows it.
    private async Task WaitUntilShownAsync(long orderId, CancellationToken cancellationToken)
    {
        try
        {
            while (!_state.Snapshot().RecentExecutionReports.Any(r => r.OrderID == orderId && !OrderTracker.IsOpen(r.OrdStatus)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), _timeProvider, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The order is cancelled; only its display is late.
        }
    }

    private async Task CancelAsync(ExecutionReport placed)
    {
        if (_client.Orders.TryGet(placed.OrderID, out var latest) && !OrderTracker.IsOpen(latest.OrdStatus))
        {
            return; // filled or cancelled already
        }
        // Its own short deadline rather than the (possibly cancelled) caller's token.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _client.CancelOrderAsync(placed.ClOrdID!, timeout.Token);
            _state.Notice($"demo order {placed.OrderID} cancelled");
            await WaitUntilShownAsync(placed.OrderID, timeout.Token);
        }
        catch (Exception ex) when (ex is BlinkTradeErrorException or BlinkTradeTimeoutException or ConnectionClosedException or OperationCanceledException)
        {
            _state.Notice($"could not cancel demo order {placed.OrderID} ({ex.Message}): check your open orders");
        }
    }
}
