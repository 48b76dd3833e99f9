using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client;

public partial interface IBlinkTradeClient
{
    /// <summary>Every new execution report (own orders, from any session of the user), exactly once across reconnects:
    /// for every order the <c>LastShares</c> seen add up to its <c>CumQty</c> at the exchange. Where reports were lost
    /// with a connection the client synthesizes one (<see cref="ExecutionReport.IsSynthesized"/>, <c>ExecID</c> 0)
    /// carrying the missed quantity at its volume-weighted price, published before the report that revealed the gap.</summary>
    IObservable<ExecutionReport> ExecutionReports { get; }

    /// <summary>One item per executed quantity of the user's orders, exactly once across reconnects (the fills of an
    /// order add up to its <c>CumQty</c>); fills the client had to synthesize after a gap say so
    /// (<see cref="Fill.IsSynthesized"/>). Derived from <see cref="ExecutionReports"/>, in the same order.</summary>
    IObservable<Fill> Fills { get; }

    /// <summary>Waits for an order's terminal report (filled, cancelled, rejected, or any other status that is not
    /// working) — at once when the order has already ended. Synthesized reports count, so an order that ended while
    /// the connection was down completes after the reconnect's reconciliation.</summary>
    /// <param name="clOrdId">The order's ClOrdID (it may still be in flight: the wait starts before its first report).</param>
    /// <param name="timeout">How long to wait (the client's <see cref="TimeProvider"/>); <see langword="null"/> waits
    /// until the order ends or <paramref name="cancellationToken"/> fires — a resting order may rest for days.</param>
    /// <param name="cancellationToken">Cancels the wait (not the order).</param>
    /// <returns>The terminal report.</returns>
    /// <exception cref="TimeoutException">The order did not end within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    Task<ExecutionReport> WaitForOrderCompletionAsync(string clOrdId, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Waits for an order's terminal report, by exchange order id (see the ClOrdID overload).</summary>
    /// <param name="orderId">The OrderID.</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> for no limit but <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Cancels the wait (not the order).</param>
    /// <returns>The terminal report.</returns>
    /// <exception cref="TimeoutException">The order did not end within <paramref name="timeout"/>.</exception>
    Task<ExecutionReport> WaitForOrderCompletionAsync(long orderId, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Each order's latest state.</summary>
    IOrderTracker Orders { get; }

    /// <summary>Sends an order (<c>D</c>) and returns its first execution report (new, fill or reject).</summary>
    /// <param name="order">The order; a ClOrdID is generated when it has none.</param>
    /// <param name="cancellationToken">Cancels the wait (not the order).</param>
    /// <returns>The first report. A reject is returned, not thrown: check <see cref="ExecutionReport.ExecType"/>.</returns>
    /// <exception cref="Requests.BlinkTradeTimeoutException">No report within the request timeout (the order's fate is unknown: check <see cref="Orders"/>).</exception>
    /// <exception cref="Requests.BlinkTradeErrorException">The server answered with ERROR (e.g. Not authorized).</exception>
    Task<ExecutionReport> SendOrderAsync(NewOrder order, CancellationToken cancellationToken = default);

    /// <summary>Cancels an order by client order id (<c>F</c>) and returns the cancel report.</summary>
    /// <param name="clOrdId">The order's ClOrdID.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The report with <c>ExecType</c> cancelled.</returns>
    /// <exception cref="OrderCancelRejectedException">The order is not open (filled, cancelled, rejected, unknown): the
    /// exchange answers at once (G15); <see cref="Requests.BlinkTradeErrorException.Detail"/> says which.</exception>
    /// <exception cref="Requests.BlinkTradeTimeoutException">No answer within the request timeout (engine-2015 servers
    /// ignore cancels of unknown orders).</exception>
    Task<ExecutionReport> CancelOrderAsync(string clOrdId, CancellationToken cancellationToken = default);

    /// <summary>Cancels an order by exchange order id (<c>F</c>) and returns the cancel report.</summary>
    /// <param name="orderId">The OrderID.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The report with <c>ExecType</c> cancelled.</returns>
    /// <exception cref="OrderCancelRejectedException">The order is not open (filled, cancelled, rejected, unknown).</exception>
    /// <exception cref="Requests.BlinkTradeTimeoutException">No answer within the request timeout.</exception>
    Task<ExecutionReport> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default);

    /// <summary>Cancels every open order of one side, or of both (one <c>F</c> per side, G14). The cancel reports
    /// arrive on <see cref="ExecutionReports"/>.</summary>
    /// <param name="side">The side, or <see langword="null"/> for both.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the requests were sent.</returns>
    Task CancelAllOrdersAsync(Side? side = null, CancellationToken cancellationToken = default);
}
