using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client.Tests.Trading;

/// <summary>
/// PROTOCOL.md G41 with a scripted peer: for every order the LastShares the application sees add up to its CumQty,
/// whatever order live reports and the reconciliation's order list arrive in; a made-up report carries the missed
/// quantity at its volume-weighted price, says it is synthesized and comes before the report that revealed the gap.
/// </summary>
public sealed class FillSequencingTests
{
    private const long OrderId = 990;
    private const string ClOrdId = "maker-1";
    private static readonly Quantity OrderQty = Quantity.FromDecimal(0.5m);

    /// <summary>A report of the maker's resting sell of 0.5 @ 600 (ExecSide buy: a taker bought from it).</summary>
    private static ExecutionReport Live(long execId, decimal cum, decimal last = 0, decimal lastPx = 0, long avgPx = 0, decimal cxl = 0, OrdStatus? status = null)
    {
        var cumQty = Quantity.FromDecimal(cum);
        var cxlQty = Quantity.FromDecimal(cxl);
        var state = status ?? (cum == 0 ? OrdStatus.New : cumQty == OrderQty ? OrdStatus.Filled : OrdStatus.PartiallyFilled);
        return new ExecutionReport
        {
            OrderID = OrderId,
            ClOrdID = ClOrdId,
            ExecID = execId,
            ExecType = state == OrdStatus.New ? ExecType.New : state == OrdStatus.Filled ? ExecType.Filled : state == OrdStatus.Cancelled ? ExecType.Cancelled : ExecType.PartiallyFilled,
            OrdStatus = state,
            ExecSide = last > 0 ? Side.Buy : Side.Sell,
            Symbol = "BTCUSD",
            Side = Side.Sell,
            OrdType = OrdType.Limit,
            OrderQty = OrderQty,
            Price = Price.FromDecimal(600m),
            LastShares = Quantity.FromDecimal(last),
            LastPx = Price.FromDecimal(lastPx),
            CumQty = cumQty,
            CxlQty = cxlQty,
            LeavesQty = OrderQty - cumQty - cxlQty,
            AvgPx = new Price(avgPx),
        };
    }

    private static OrderListEntry Row(decimal cum, long avgPx, decimal cxl = 0, OrdStatus? status = null)
    {
        var cumQty = Quantity.FromDecimal(cum);
        var cxlQty = Quantity.FromDecimal(cxl);
        return new OrderListEntry
        {
            ClOrdID = ClOrdId,
            OrderID = OrderId,
            CumQty = cumQty,
            CxlQty = cxlQty,
            LeavesQty = OrderQty - cumQty - cxlQty,
            OrdStatus = status ?? (cum == 0 ? OrdStatus.New : cumQty == OrderQty ? OrdStatus.Filled : OrdStatus.PartiallyFilled),
            AvgPx = new Price(avgPx),
            Symbol = "BTCUSD",
            Side = Side.Sell,
            OrdType = OrdType.Limit,
            OrderQty = OrderQty,
            Price = Price.FromDecimal(600m),
        };
    }

    private static OrdersListResponse ListOf(OrdersListRequest request, params OrderListEntry[] rows)
        => new() { OrdersReqID = request.OrdersReqID, Page = request.Page, PageSize = request.PageSize, OrdListGrp = rows };

    /// <summary>A client logged in to a scripted exchange whose order list is whatever <paramref name="list"/> answers.</summary>
    private static ClientHarness Harness(Func<ScriptedPeer, OrdersListRequest, OrdersListResponse> list) => ClientHarness.Create(p =>
    {
        ExchangeScripts.Standard(p);
        p.Respond<OrdersListRequest>(r => list(p, r));
    }, o => o.Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, ExchangeScripts.Password));

    /// <summary>Connects, with the maker's order resting (New, ExecID 741400) and its report delivered.</summary>
    private static async Task<(Streams Streams, ScriptedPeer Peer)> ConnectWithRestingOrderAsync(ClientHarness harness)
    {
        var streams = new Streams(harness.Client);
        var peer = await harness.ConnectAsync();
        peer.Send(Live(741400, 0));
        await streams.Reports.WaitForAsync(r => r.ExecID == 741400);
        return (streams, peer);
    }

    private sealed class Streams
    {
        public Streams(IBlinkTradeClient client)
        {
            client.ExecutionReports.Subscribe(Reports);
            client.Fills.Subscribe(Fills);
            client.Recoveries.Subscribe(Recoveries);
        }

        public RecordingObserver<ExecutionReport> Reports { get; } = new();

        public RecordingObserver<Fill> Fills { get; } = new();

        public RecordingObserver<SessionRecovery> Recoveries { get; } = new();

        public long SumLastShares => Reports.Items.Where(r => r.OrderID == OrderId).Sum(r => r.LastShares.Satoshis);
    }

    [Fact]
    public async Task A_fill_during_a_refused_reconnect_comes_back_as_one_synthesized_report_with_its_quantity_and_price()
    {
        // The reproduction of issue 11: the maker rests 0.5; its connection is cut and reconnects are refused; a taker
        // buys 0.2 at 600; reconnects are allowed.
        var exchangeFilled = false;
        await using var harness = Harness((_, r) => ListOf(r, exchangeFilled ? Row(0.2m, 60_000_000_000) : Row(0, 0)));
        var (streams, peer) = await ConnectWithRestingOrderAsync(harness);

        harness.Transport.FailAttempt = attempt => !exchangeFilled;
        peer.Abort();
        await harness.States.WaitForAsync(s => s.State == ConnectionState.Reconnecting);
        await harness.AdvanceUntilAsync(() => harness.Transport.Attempts >= 3, TimeSpan.FromMilliseconds(500));
        exchangeFilled = true;
        harness.Time.Advance(TimeSpan.FromSeconds(3)); // the recovery's downtime, on the client's clock
        await harness.AdvanceUntilAsync(() => streams.Recoveries.Items.Count > 0, TimeSpan.FromMilliseconds(500));
        await streams.Reports.WaitForAsync(r => r.IsSynthesized);
        await streams.Fills.WaitForAsync(_ => true);

        var synthesized = Assert.Single(streams.Reports.Items, r => r.IsSynthesized);
        Assert.Equal(0, synthesized.ExecID);
        Assert.Equal(ExecType.PartiallyFilled, synthesized.ExecType);
        Assert.Equal(OrdStatus.PartiallyFilled, synthesized.OrdStatus);
        Assert.Equal(Quantity.FromDecimal(0.2m), synthesized.LastShares);
        Assert.Equal(Price.FromDecimal(600m), synthesized.LastPx);
        Assert.Equal(Quantity.FromDecimal(0.2m), synthesized.CumQty);
        Assert.Equal(Quantity.FromDecimal(0.3m), synthesized.LeavesQty);
        Assert.Equal(Quantity.FromDecimal(0.2m).Satoshis, streams.SumLastShares);

        var fill = Assert.Single(streams.Fills.Items);
        Assert.True(fill.IsSynthesized);
        Assert.Null(fill.IsMaker);
        Assert.Equal((OrderId, ClOrdId, "BTCUSD", Side.Sell), (fill.OrderID, fill.ClOrdID, fill.Symbol, fill.Side));
        Assert.Equal((Quantity.FromDecimal(0.2m), Price.FromDecimal(600m)), (fill.Quantity, fill.Price));

        var recovery = Assert.Single(streams.Recoveries.Items);
        Assert.True(recovery.IsComplete);
        Assert.True(recovery.Attempts >= 3, $"attempts {recovery.Attempts}");
        Assert.True(recovery.Downtime >= TimeSpan.FromSeconds(3), $"downtime {recovery.Downtime}");
        Assert.Equal((1, 1, 1, 1), (recovery.OrdersChecked, recovery.OrdersReconciled, recovery.ReportsSynthesized, recovery.FillsSynthesized));
    }

    [Fact]
    public async Task A_live_report_overtaking_the_order_list_is_preceded_by_the_missed_fill_and_the_list_adds_nothing()
    {
        // During the gap a taker bought 0.22 at 600; right after the reconnect another bought 0.01 at 601. The live
        // report of the second reaches the new connection before the order list: CumQty jumps 0 → 0.23 with
        // LastShares 0.01. AvgPx = floor((601·0.01 + 600·0.22) / 0.23) as the exchange computes it.
        const long avgPx = 60_004_347_826;
        var reconnected = false;
        await using var harness = Harness((p, r) =>
        {
            if (reconnected)
            {
                p.Send(Live(741403, 0.23m, last: 0.01m, lastPx: 601m, avgPx: avgPx));
            }
            return ListOf(r, reconnected ? Row(0.23m, avgPx) : Row(0, 0));
        });
        var (streams, peer) = await ConnectWithRestingOrderAsync(harness);

        reconnected = true;
        peer.Abort();
        await streams.Recoveries.WaitForAsync(_ => true);
        await streams.Reports.WaitForAsync(r => r.ExecID == 741403);
        await streams.Fills.WaitUntilAsync(f => f.Count == 2);

        Assert.Equal([741400L, 0, 741403], streams.Reports.Items.Select(r => r.ExecID));
        var gap = streams.Reports.Items[1];
        Assert.True(gap.IsSynthesized);
        Assert.Equal(Quantity.FromDecimal(0.22m), gap.LastShares);
        Assert.Equal(Price.FromDecimal(600m), gap.LastPx); // (AvgPx·0.23 − 601·0.01) / 0.22, rounded up to the satoshi
        Assert.Equal(Quantity.FromDecimal(0.22m), gap.CumQty);
        Assert.False(streams.Reports.Items[2].IsSynthesized);
        Assert.Equal(Quantity.FromDecimal(0.23m).Satoshis, streams.SumLastShares);
        Assert.Equal([true, false], streams.Fills.Items.Select(f => f.IsSynthesized));
        Assert.True(streams.Fills.Items[1].IsMaker);
        Assert.Equal(0, streams.Recoveries.Items[0].ReportsSynthesized); // the live report's gap, not the list, made it up
    }

    [Fact]
    public async Task A_live_report_behind_the_order_list_is_dropped_or_trimmed_to_what_is_new()
    {
        // The order list is read after both gap fills (0.22 @ 600, then 0.01 @ 601), but their live reports arrive
        // after it: the first repeats what the synthesized report covered, the next overlaps it in part.
        const long avgAt023 = 60_004_347_826;
        var reconnected = false;
        await using var harness = Harness((_, r) => ListOf(r, reconnected ? Row(0.23m, avgAt023) : Row(0, 0)));
        var (streams, peer) = await ConnectWithRestingOrderAsync(harness);

        reconnected = true;
        peer.Abort();
        var next = await harness.Transport.NextPeerAsync();
        await streams.Recoveries.WaitForAsync(_ => true);
        await streams.Reports.WaitForAsync(r => r.IsSynthesized);
        var reconciled = Assert.Single(streams.Reports.Items, r => r.IsSynthesized);
        Assert.Equal(Quantity.FromDecimal(0.23m), reconciled.LastShares);
        Assert.Equal(new Price(avgAt023), reconciled.LastPx); // nothing executed before: exactly the order's AvgPx

        next.Send(Live(741403, 0.23m, last: 0.01m, lastPx: 601m, avgPx: avgAt023));       // all covered: dropped
        next.Send(Live(741404, 0.30m, last: 0.08m, lastPx: 602m, avgPx: 60_025_333_333)); // 0.01 of it covered
        next.Send(Live(741405, 0.30m, cxl: 0.2m, avgPx: 60_025_333_333, status: OrdStatus.Cancelled));
        await streams.Reports.WaitForAsync(r => r.ExecID == 741405);
        await streams.Fills.WaitUntilAsync(f => f.Count == 2);

        Assert.Equal([741400L, 0, 741404, 741405], streams.Reports.Items.Select(r => r.ExecID));
        Assert.Equal(Quantity.FromDecimal(0.07m), streams.Reports.Items[2].LastShares);
        Assert.Equal(Price.FromDecimal(602m), streams.Reports.Items[2].LastPx);
        Assert.Equal(Quantity.FromDecimal(0.30m).Satoshis, streams.SumLastShares);
        Assert.Equal(Quantity.FromDecimal(0.30m).Satoshis, streams.Fills.Items.Sum(f => f.Quantity.Satoshis));
    }

    [Fact]
    public async Task An_order_filled_in_part_then_cancelled_during_the_gap_gets_the_fill_then_the_cancel()
    {
        var reconnected = false;
        await using var harness = Harness((_, r) => ListOf(r, reconnected ? Row(0.3m, 60_050_000_000, cxl: 0.2m, status: OrdStatus.Cancelled) : Row(0, 0)));
        var streams = new Streams(harness.Client);
        var peer = await harness.ConnectAsync();
        peer.Send(Live(741400, 0.1m, last: 0.1m, lastPx: 600m, avgPx: 60_000_000_000));
        await streams.Reports.WaitForAsync(r => r.ExecID == 741400);
        var completion = harness.Client.WaitForOrderCompletionAsync(ClOrdId);

        reconnected = true;
        peer.Abort();
        var done = await completion.WaitAsync(TestDefaults.Timeout);

        Assert.Equal(OrdStatus.Cancelled, done.OrdStatus);
        Assert.True(done.IsSynthesized);
        await streams.Reports.WaitForAsync(r => r.OrdStatus == OrdStatus.Cancelled);
        var synthesized = streams.Reports.Items.Where(r => r.IsSynthesized).ToArray();
        Assert.Equal([OrdStatus.PartiallyFilled, OrdStatus.Cancelled], synthesized.Select(r => r.OrdStatus));
        // 0.1 @ 600 before the gap, 0.2 @ 600.75 during it: AvgPx 600.50 = (600·0.1 + 600.75·0.2) / 0.3.
        Assert.Equal((Quantity.FromDecimal(0.2m), Price.FromDecimal(600.75m)), (synthesized[0].LastShares, synthesized[0].LastPx));
        Assert.Equal((Quantity.FromDecimal(0.3m), Quantity.Zero, Quantity.FromDecimal(0.2m)), (synthesized[0].CumQty, synthesized[0].CxlQty, synthesized[0].LeavesQty));
        Assert.Equal(Quantity.Zero, synthesized[1].LastShares);
        Assert.Equal(Quantity.FromDecimal(0.3m).Satoshis, streams.SumLastShares);
        var recovery = await streams.Recoveries.WaitForAsync(_ => true);
        Assert.Equal((1, 2, 1), (recovery.OrdersReconciled, recovery.ReportsSynthesized, recovery.FillsSynthesized));
    }

    [Fact]
    public async Task A_live_report_whose_CumQty_jumps_on_an_open_connection_gets_the_missed_quantity_first()
    {
        await using var harness = Harness((_, r) => ListOf(r));
        var streams = new Streams(harness.Client);
        var peer = await harness.ConnectAsync();
        peer.Send(Live(10, 0.1m, last: 0.1m, lastPx: 600m, avgPx: 60_000_000_000));
        // Reports 11 and 12 (0.1 @ 601, 0.1 @ 602) never arrive; 13 fills the last 0.2 @ 603. AvgPx after each fill,
        // floored as the exchange does: 600.5, 601, 601.8.
        peer.Send(Live(13, 0.5m, last: 0.2m, lastPx: 603m, avgPx: 60_180_000_000));
        await streams.Reports.WaitForAsync(r => r.ExecID == 13);
        await streams.Fills.WaitUntilAsync(f => f.Count == 3);

        Assert.Equal([10L, 0, 13], streams.Reports.Items.Select(r => r.ExecID));
        var gap = streams.Reports.Items[1];
        Assert.True(gap.IsSynthesized);
        Assert.Equal(ExecutionSequencer.GapText, gap.Text);
        Assert.Equal((Quantity.FromDecimal(0.2m), Price.FromDecimal(601.5m)), (gap.LastShares, gap.LastPx));
        Assert.Equal((OrdStatus.PartiallyFilled, Quantity.FromDecimal(0.3m)), (gap.OrdStatus, gap.CumQty));
        Assert.Equal(OrderQty.Satoshis, streams.SumLastShares);
        Assert.Equal(OrdStatus.Filled, (await harness.Client.WaitForOrderCompletionAsync(OrderId).WaitAsync(TestDefaults.Timeout)).OrdStatus);
    }

    [Fact]
    public void The_gap_price_is_exact_from_nothing_and_rounded_up_otherwise()
    {
        ExecutionReport State(decimal cum, long avgPx) => Live(1, cum, avgPx: avgPx);

        // Nothing executed before: the order's AvgPx itself.
        Assert.Equal(new Price(60_004_347_826), ExecutionSequencer.GapPrice(null, (Int128)60_004_347_826 * 23_000_000, 23_000_000));
        // 0.1 @ 600 then 0.2 @ 601.5: AvgPx 601 divides evenly, so the price is exact.
        Assert.Equal(Price.FromDecimal(601.5m), ExecutionSequencer.GapPrice(State(0.1m, 60_000_000_000), (Int128)60_100_000_000 * 30_000_000, 30_000_000));
        // 0.1 @ 600 then 0.2 @ 601: the exchange's AvgPx floor(600.666…) drops 2/3 satoshi × 0.3, so the notional is
        // 0.3 satoshi² short and the price lands 1 satoshi low (the bound is CumQty₁/ΔCumQty = 1.5 satoshis).
        var after = (Int128)60_066_666_666 * 30_000_000;
        Assert.Equal(new Price(60_099_999_999), ExecutionSequencer.GapPrice(State(0.1m, 60_000_000_000), after, 30_000_000));
        // A fractional quotient rounds up: 0.1 @ 600, then 0.3 more with AvgPx 601 after → 601.33333334.
        Assert.Equal(new Price(60_133_333_334), ExecutionSequencer.GapPrice(State(0.1m, 60_000_000_000), (Int128)60_100_000_000 * 40_000_000, 40_000_000));
        // Inconsistent inputs (no AvgPx from the server) give 0 rather than a negative or absurd price.
        Assert.Equal(Price.Zero, ExecutionSequencer.GapPrice(State(0.1m, 60_000_000_000), 0, 30_000_000));
        Assert.Equal(Price.Zero, ExecutionSequencer.GapPrice(State(0.3m, 60_000_000_000), after, 30_000_000));
    }

    [Fact]
    public async Task Waiting_for_an_order_returns_at_once_when_it_has_ended_and_honours_timeout_and_cancellation()
    {
        await using var harness = Harness((_, r) => ListOf(r));
        var streams = new Streams(harness.Client);
        var peer = await harness.ConnectAsync();

        // Not sent yet: the wait starts before the order's first report.
        var early = harness.Client.WaitForOrderCompletionAsync(ClOrdId);
        var timed = harness.Client.WaitForOrderCompletionAsync(ClOrdId, TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource();
        var cancelled = harness.Client.WaitForOrderCompletionAsync(OrderId, cancellationToken: cancel.Token);
        peer.Send(Live(1, 0));
        await streams.Reports.WaitForAsync(r => r.ExecID == 1);
        Assert.False(early.IsCompleted);

        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<TimeoutException>(() => timed.WaitAsync(TestDefaults.Timeout));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TestDefaults.Timeout));

        peer.Send(Live(2, 0.5m, last: 0.5m, lastPx: 600m, avgPx: 60_000_000_000));
        Assert.Equal(2, (await early.WaitAsync(TestDefaults.Timeout)).ExecID);
        var again = harness.Client.WaitForOrderCompletionAsync(ClOrdId, TimeSpan.Zero);
        Assert.True(again.IsCompletedSuccessfully);
        Assert.Equal(2, (await again).ExecID);
    }
}
