using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Trading;

/// <summary>
/// Read access to each order's latest state (its most recent execution report), kept by the client from every report
/// it receives — orders placed by other sessions of the same user included — and from the reconciliation after a
/// reconnect. Open orders are always kept; closed ones only up to <see cref="MaxClosedOrders"/>.
/// </summary>
/// <remarks>
/// <see cref="All"/> and <see cref="Open"/> are live views, not copies: reading them allocates nothing, and each
/// enumeration sees the orders as they are while it runs (the receive loop may update them meanwhile). Copy one
/// (<c>ToList()</c>) for a fixed picture.
/// </remarks>
public interface IOrderTracker
{
    /// <summary>How many closed orders are kept; older closed orders are forgotten (open orders never are).</summary>
    int MaxClosedOrders { get; }

    /// <summary>Every known order's latest report (a live view).</summary>
    IReadOnlyCollection<ExecutionReport> All { get; }

    /// <summary>Orders still working — new, partially filled, stopped or pending (a live view).</summary>
    IReadOnlyCollection<ExecutionReport> Open { get; }

    /// <summary>Finds an order by exchange id.</summary>
    /// <param name="orderId">The <c>OrderID</c>.</param>
    /// <param name="report">The latest report.</param>
    /// <returns>Whether the order is known.</returns>
    bool TryGet(long orderId, out ExecutionReport report);

    /// <summary>Finds an order by client id.</summary>
    /// <param name="clOrdId">The <c>ClOrdID</c>.</param>
    /// <param name="report">The latest report.</param>
    /// <returns>Whether the order is known.</returns>
    bool TryGet(string clOrdId, out ExecutionReport report);
}
