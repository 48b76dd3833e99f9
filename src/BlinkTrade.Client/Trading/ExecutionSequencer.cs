using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Trading;

/// <summary>
/// Decides which execution reports the application sees, in which order, so that for every order the
/// <c>LastShares</c> it sees add up to the order's <c>CumQty</c> and no report is seen twice (PROTOCOL.md G41):
/// <list type="bullet">
/// <item>a replay (ExecID not above the order's last) or a stale report (CumQty/CxlQty behind the known state) is dropped;</item>
/// <item>a live report whose <c>CumQty − LastShares</c> is ahead of the known <c>CumQty</c> (fills whose reports were
/// lost with a connection) is preceded by one synthesized report carrying the missing quantity;</item>
/// <item>a live report whose fill a synthesized report already covered is delivered with <c>LastShares</c> trimmed to
/// the part not yet reported (dropped when nothing is left and the state is known);</item>
/// <item>after a reconnect, an order-list row (U4) ahead of the known state becomes synthesized reports: one carrying
/// the missing fills, then, if the order also ended otherwise (cancelled, rejected), one with that state.</item>
/// </list>
/// Each decision and its publication happen under the tracker's lock, so a synthesized report is published before
/// the live report that revealed the gap even when the receive loop and the reconciliation race.
/// </summary>
internal sealed class ExecutionSequencer
{
    internal const string ReconciledText = "Reconciled after reconnect";
    internal const string GapText = "Fills missed before the next report";

    private readonly OrderTracker _orders;
    private readonly Action<ExecutionReport> _publish;

    /// <param name="orders">The tracker the reports are recorded in.</param>
    /// <param name="publish">Called, under the tracker's lock, for each report the application is to see, in order.</param>
    public ExecutionSequencer(OrderTracker orders, Action<ExecutionReport> publish)
    {
        _orders = orders;
        _publish = publish;
    }

    /// <summary>A live report from the current connection.</summary>
    /// <returns>How many reports were synthesized ahead of it.</returns>
    public int AcceptLive(ExecutionReport report)
    {
        lock (_orders.Gate)
        {
            if (report.OrderID == 0)
            {
                _publish(report); // e.g. a reject without an order id: nothing to track, but still news.
                return 0;
            }
            if (!_orders.TryAdvanceExecId(report))
            {
                return 0;
            }
            var known = _orders.Find(report.OrderID);
            if (known is not null && OrderTracker.IsBehind(report, known))
            {
                return 0;
            }
            var knownCum = known?.CumQty.Satoshis ?? 0;
            var before = Math.Max(0, report.CumQty.Satoshis - report.LastShares.Satoshis);
            var synthesized = 0;
            if (before > knownCum)
            {
                Deliver(GapBefore(known, report, before));
                synthesized = 1;
            }
            else if (before < knownCum)
            {
                // Part or all of this fill was already reported by a synthesized report (the reconciliation read the
                // order list after the fill): deliver only what is new.
                var fresh = report.CumQty.Satoshis - knownCum;
                if (fresh == 0 && OrderTracker.SameState(known!, report))
                {
                    return 0;
                }
                report = report with { LastShares = new Quantity(fresh), LastPx = fresh == 0 ? default : report.LastPx };
            }
            else if (known is { IsSynthesized: true } && OrderTracker.SameState(known, report))
            {
                return 0; // the live report of a state a synthesized report already delivered
            }
            Deliver(report);
            return synthesized;
        }
    }

    /// <summary>
    /// One row of the order list read after a reconnect. Publishes what the application missed about the order;
    /// unknown orders are only reported when <paramref name="reportUnknown"/> (sent by this client, first report lost)
    /// or when still working (e.g. placed by another session).
    /// </summary>
    /// <returns>The reports synthesized and how many of them carry a fill.</returns>
    public (int Reports, int Fills) AcceptReconciled(OrderListEntry row, bool reportUnknown)
    {
        if (row.OrderID is not { } orderId)
        {
            return (0, 0);
        }
        lock (_orders.Gate)
        {
            var known = _orders.Find(orderId);
            if (known is null && !reportUnknown && !OrderTracker.IsOpen(row.OrdStatus))
            {
                return (0, 0);
            }
            var current = FromRow(row, known);
            if (known is not null && (OrderTracker.IsBehind(current, known) || OrderTracker.SameState(known, current)))
            {
                return (0, 0); // a live report already got this far (or further)
            }
            var knownCum = known?.CumQty.Satoshis ?? 0;
            var missed = current.CumQty.Satoshis - knownCum;
            if (missed <= 0)
            {
                Deliver(current);
                return (1, 0);
            }
            var price = GapPrice(known, (Int128)current.AvgPx.Satoshis * current.CumQty.Satoshis, current.CumQty.Satoshis);
            var executionType = ExecTypeOf(current.OrdStatus);
            if (current.OrdStatus == OrdStatus.Filled || current.OrdStatus == OrdStatus.PartiallyFilled)
            {
                Deliver(current with { ExecType = executionType, LastShares = new Quantity(missed), LastPx = price });
                return (1, 1);
            }
            // Filled in part, then ended otherwise (cancelled, rejected, expired): the fill first, then the end.
            var cancelledBefore = known?.CxlQty ?? default;
            Deliver(current with
            {
                ExecType = ExecType.PartiallyFilled,
                OrdStatus = OrdStatus.PartiallyFilled,
                CxlQty = cancelledBefore,
                LeavesQty = new Quantity(Math.Max(0, current.OrderQty.Satoshis - current.CumQty.Satoshis - cancelledBefore.Satoshis)),
                LastShares = new Quantity(missed),
                LastPx = price,
            });
            Deliver(current);
            return (2, 1);
        }
    }

    /// <summary>
    /// The volume-weighted price of the quantity executed between the known state and a later one (PROTOCOL.md G41):
    /// <c>(AvgPx₁·CumQty₁ − AvgPx₀·CumQty₀) / ΔCumQty</c> in exact 128-bit satoshi arithmetic, rounded up to the satoshi.
    /// The exchange floors <c>AvgPx</c> after every fill, so the notional derived from it can only fall short of the
    /// true one (by less than <c>CumQty₁</c> satoshi², i.e. the price by less than <c>CumQty₁/ΔCumQty</c> satoshis):
    /// rounding up is never further from the true price than rounding to nearest. The result is exact when the
    /// exchange's averages divided evenly (always when nothing executed before the gap and it holds one price);
    /// otherwise it may be a few satoshis low — the information is not on the wire.
    /// </summary>
    /// <param name="known">The state before the gap (<see langword="null"/>: nothing executed).</param>
    /// <param name="notionalAfter"><c>AvgPx₁·CumQty₁</c>, the notional after the gap in satoshi².</param>
    /// <param name="cumQtyAfter"><c>CumQty₁</c> in satoshis.</param>
    /// <returns>The price; zero when the inputs are inconsistent (a server that sent no AvgPx).</returns>
    internal static Price GapPrice(ExecutionReport? known, Int128 notionalAfter, long cumQtyAfter)
    {
        var cumBefore = known?.CumQty.Satoshis ?? 0;
        var missed = cumQtyAfter - cumBefore;
        var notional = notionalAfter - ((Int128)(known?.AvgPx.Satoshis ?? 0) * cumBefore);
        if (missed <= 0 || notional <= 0)
        {
            return default;
        }
        var price = (notional + missed - 1) / missed; // ceiling; both positive
        return new Price(price > long.MaxValue ? long.MaxValue : (long)price);
    }

    private void Deliver(ExecutionReport report)
    {
        _orders.Record(report);
        _publish(report);
    }

    // The order's state just before a live report that jumps: CumQty = CumQty − LastShares of that report. Its notional
    // is the report's AvgPx·CumQty less the report's own fill (the exchange computed that AvgPx from both).
    private static ExecutionReport GapBefore(ExecutionReport? known, ExecutionReport live, long cumBefore)
    {
        var notionalBefore = ((Int128)live.AvgPx.Satoshis * live.CumQty.Satoshis) - ((Int128)live.LastPx.Satoshis * live.LastShares.Satoshis);
        var cancelled = known?.CxlQty ?? default;
        var filled = cumBefore >= live.OrderQty.Satoshis && live.OrderQty.Satoshis > 0;
        var avgPx = notionalBefore <= 0 ? 0 : (long)(notionalBefore / cumBefore);
        return live with
        {
            ExecID = 0,
            ExecType = filled ? ExecType.Filled : ExecType.PartiallyFilled,
            OrdStatus = filled ? OrdStatus.Filled : OrdStatus.PartiallyFilled,
            ExecSide = live.Side,
            LastShares = new Quantity(cumBefore - (known?.CumQty.Satoshis ?? 0)),
            LastPx = GapPrice(known, notionalBefore, cumBefore),
            CumQty = new Quantity(cumBefore),
            CxlQty = cancelled,
            LeavesQty = new Quantity(Math.Max(0, live.OrderQty.Satoshis - cumBefore - cancelled.Satoshis)),
            AvgPx = new Price(avgPx),
            OrdRejReason = null,
            Volume = null,
            Text = GapText,
            IsSynthesized = true,
        };
    }

    internal static ExecutionReport FromRow(OrderListEntry row, ExecutionReport? known) => new()
    {
        OrderID = row.OrderID ?? 0,
        ClOrdID = row.ClOrdID ?? known?.ClOrdID,
        ExecID = 0,
        ExecType = ExecTypeOf(row.OrdStatus),
        OrdStatus = row.OrdStatus,
        ExecSide = row.Side,
        Symbol = row.Symbol ?? known?.Symbol,
        Side = row.Side,
        OrdType = row.OrdType,
        TimeInForce = row.TimeInForce ?? known?.TimeInForce,
        OrderQty = row.OrderQty,
        Price = row.Price,
        StopPx = known?.StopPx,
        LeavesQty = row.LeavesQty,
        CumQty = row.CumQty,
        CxlQty = row.CxlQty,
        AvgPx = row.AvgPx,
        ExecInst = known?.ExecInst,
        OrderDate = row.OrderDate ?? known?.OrderDate,
        Volume = row.Volume,
        Text = ReconciledText,
        IsSynthesized = true,
    };

    private static ExecType ExecTypeOf(OrdStatus status)
        => status == OrdStatus.Filled ? ExecType.Filled
        : status == OrdStatus.PartiallyFilled ? ExecType.PartiallyFilled
        : status == OrdStatus.Cancelled ? ExecType.Cancelled
        : status == OrdStatus.Rejected ? ExecType.Rejected
        : status == OrdStatus.Stopped ? ExecType.Stopped
        : ExecType.New;
}
