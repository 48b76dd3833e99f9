using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Cancel-all (G14: one F per side) and cancel-on-disconnect, end to end.</summary>
public sealed class CancellationTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Cancel_all_cancels_both_sides_and_reports_each_order(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10_000 * Coin, btc: 10 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var reports = new Recorder<ExecutionReport>();
        using var r = alice.ExecutionReports.Subscribe(reports);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(500m + i)), ct)).OrderID);
            ids.Add((await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.1m), Price.FromDecimal(700m + i)), ct)).OrderID);
        }

        await alice.CancelAllOrdersAsync(cancellationToken: ct);

        await Wait.Eventually(() => ids.All(id => reports.Any(x => x.OrderID == id && x.OrdStatus == OrdStatus.Cancelled)), what: "a cancel report per order");
        Assert.Empty(alice.Orders.Open);
        Assert.Empty(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));
        Assert.Equal(6, reports.Items.Count(x => x.OrdStatus == OrdStatus.Cancelled));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Cancel_by_client_order_id_answers_with_the_cancel_report_of_that_order(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var keep = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(500m)) with { ClOrdID = "keep-1" }, ct);
        var drop = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.2m), Price.FromDecimal(501m)) with { ClOrdID = "drop-1" }, ct);
        Assert.Equal("drop-1", drop.ClOrdID);

        var cancelled = await alice.CancelOrderAsync("drop-1", ct);

        Assert.Equal(drop.OrderID, cancelled.OrderID);
        Assert.Equal(OrdStatus.Cancelled, cancelled.OrdStatus);
        Assert.Equal(Quantity.FromDecimal(0.2m), cancelled.CxlQty);
        Assert.True(alice.Orders.TryGet("drop-1", out var tracked) && tracked.OrdStatus == OrdStatus.Cancelled);
        Assert.Equal(keep.OrderID, Assert.Single(await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).OrderId);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Cancel_on_disconnect_cancels_at_the_exchange_and_the_client_reconciles_it(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        var alice = h.Client(BlinkTradeCredentials.FromPassword("alice", E2EHarness.Password) with { CancelOnDisconnect = true });
        var reports = new Recorder<ExecutionReport>();
        var states = new Recorder<ConnectionStateChange>();
        using var r = alice.ExecutionReports.Subscribe(reports);
        using var s = alice.ConnectionStates.Subscribe(states);
        await alice.ConnectAsync(ct);
        var order = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(500m)), ct);
        Assert.Single(await h.Exchange.GetOpenOrdersAsync(aliceId, ct));

        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(aliceId));

        await states.WaitForAsync(x => x.State == ConnectionState.LoggedIn && x.Reason.StartsWith("Reconnected", StringComparison.Ordinal), what: "reconnected");
        await Wait.Eventually(async () => (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Count == 0, what: "cancelled at the exchange");
        await Wait.Eventually(() => alice.Orders.TryGet(order.OrderID, out var now) && now.OrdStatus == OrdStatus.Cancelled, what: "the order reconciled as cancelled");
        Assert.Single(reports.Items, x => x.OrderID == order.OrderID && x.OrdStatus == OrdStatus.Cancelled);
        Assert.Empty(alice.Orders.Open);
    }
}
