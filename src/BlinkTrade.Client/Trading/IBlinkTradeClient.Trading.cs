using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client;

public partial interface IBlinkTradeClient
{
    /// <summary>Every new execution report (own orders, from any session of the user), deduplicated across reconnects;
    /// reports synthesized by the post-reconnect reconciliation carry <c>ExecID</c> 0.</summary>
    IObservable<ExecutionReport> ExecutionReports { get; }

    /// <summary>Each order's latest state.</summary>
    OrderTracker Orders { get; }

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
