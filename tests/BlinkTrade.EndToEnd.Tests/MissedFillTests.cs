using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue 11 (1), against the real exchange: a fill that happens while the maker is disconnected reaches its
/// application once, with its quantity and price, and the recovery and the order's completion are observable.
/// </summary>
public sealed class MissedFillTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_fill_while_reconnects_are_refused_comes_back_as_one_synthesized_report_and_fill(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("maker", btc: 1 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("taker", usd: 10_000 * Coin, cancellationToken: ct);
        var chaos = new ChaosTransport(h.Options(null).Transport!, TimeProvider.System);
        var maker = await h.ConnectAsync("maker", ct, o => o.Transport = chaos);
        var taker = await h.ConnectAsync("taker", ct);
        var reports = new Recorder<ExecutionReport>();
        var fills = new Recorder<Fill>();
        var recoveries = new Recorder<SessionRecovery>();
        using var r = maker.ExecutionReports.Subscribe(reports);
        using var f = maker.Fills.Subscribe(fills);
        using var rc = maker.Recoveries.Subscribe(recoveries);

        // The maker rests 0.5 BTC at 600; its connection is cut and reconnects are refused.
        var ask = await maker.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.5m), Price.FromDecimal(600m)), ct);
        var completion = maker.WaitForOrderCompletionAsync(ask.ClOrdID!, cancellationToken: ct);
        Assert.True(chaos.Reset(TimeSpan.FromDays(1)));
        await Wait.Eventually(() => chaos.Refused > 0, what: "a refused reconnect");

        // The taker buys 0.2 (at the resting 600) while the maker is away.
        var first = await taker.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.2m), Price.FromDecimal(605m)), ct);
        Assert.Equal(OrdStatus.Filled, (await taker.WaitForOrderCompletionAsync(first.ClOrdID!, TimeSpan.FromSeconds(15), ct)).OrdStatus);
        Assert.False(completion.IsCompleted);

        // Reconnects are allowed: exactly one synthesized PartiallyFilled report with the missed 0.2 at 600.
        chaos.Calm();
        var recovery = await recoveries.WaitForAsync(_ => true, what: "the recovery");
        var synthesized = await reports.WaitForAsync(x => x.IsSynthesized, what: "the synthesized report");
        Assert.True(recovery.IsComplete);
        Assert.Equal((1, 1, 1), (recovery.OrdersReconciled, recovery.ReportsSynthesized, recovery.FillsSynthesized));
        Assert.True(recovery.Attempts > 1, $"{recovery.Attempts} attempts");
        Assert.True(recovery.Downtime > TimeSpan.Zero);
        Assert.Equal(0, synthesized.ExecID);
        Assert.Equal((ExecType.PartiallyFilled, OrdStatus.PartiallyFilled), (synthesized.ExecType, synthesized.OrdStatus));
        Assert.Equal((Quantity.FromDecimal(0.2m), Price.FromDecimal(600m)), (synthesized.LastShares, synthesized.LastPx));
        Assert.Equal((Quantity.FromDecimal(0.2m), Quantity.FromDecimal(0.3m)), (synthesized.CumQty, synthesized.LeavesQty));
        var missed = await fills.WaitForAsync(x => x.IsSynthesized, what: "the synthesized fill");
        Assert.Equal((ask.OrderID, Quantity.FromDecimal(0.2m), Price.FromDecimal(600m), (bool?)null), (missed.OrderID, missed.Quantity, missed.Price, missed.IsMaker));

        // A live fill after the reconnect is an ordinary report; the order completes.
        await taker.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.3m), Price.FromDecimal(600m)), ct);
        var done = await completion.WaitAsync(TimeSpan.FromSeconds(15), ct);
        Assert.Equal(OrdStatus.Filled, done.OrdStatus);
        Assert.False(done.IsSynthesized);
        var last = await fills.WaitForAsync(x => !x.IsSynthesized, what: "the live fill");
        Assert.Equal((Quantity.FromDecimal(0.3m), Price.FromDecimal(600m), (bool?)true), (last.Quantity, last.Price, last.IsMaker));
        Assert.Single(reports.Items, x => x.IsSynthesized);
        Assert.Equal(Quantity.FromDecimal(0.5m).Satoshis, reports.Items.Where(x => x.OrderID == ask.OrderID).Sum(x => x.LastShares.Satoshis));
        Assert.Equal(2, fills.Count);
        var again = await maker.WaitForOrderCompletionAsync(ask.OrderID, TimeSpan.Zero, ct);
        Assert.Equal(done.ExecID, again.ExecID);
    }
}
