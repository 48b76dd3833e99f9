using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue 20: the client's pre-trade checks against the exchange's instrument list (<c>y</c>: the quote currency's
/// <c>Pip</c>, the instrument's <c>MinQty</c>), and the exchange's own answer with the checks off (PROTOCOL.md §5 G32,
/// §1.3 OrdRejReason 3). ETHEUR trades on a 0.05 pip with a 0.01 minimum.
/// </summary>
public sealed class PreTradeCheckTests
{
    private const long Coin = 1_0000_0000;
    private const string Symbol = "ETHEUR";

    private static async Task<E2EHarness> StartAsync(TransportKind kind, CancellationToken ct)
    {
        var h = await E2EHarness.StartAsync(kind, ct);
        await h.Exchange.CreateInstrumentAsync(Symbol, "ETH", "EUR", tickSize: Amount.FromDecimal(0.05m), minQty: Amount.FromDecimal(0.01m), cancellationToken: ct);
        var id = await h.CreateUserAsync("alice", cancellationToken: ct);
        await h.Exchange.CreditAsync(id, "EUR", Amount.FromDecimal(100_000m), ct);
        await h.Exchange.CreditAsync(id, "ETH", Amount.FromDecimal(100m), ct);
        return h;
    }

    private static NewOrder Limit(Side side, decimal quantity, decimal price)
        => NewOrder.Limit(Symbol, side, Quantity.FromDecimal(quantity), Price.FromDecimal(price));

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Off_pip_prices_are_rounded_never_looser_and_the_exchange_echoes_the_price_sent(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await StartAsync(kind, ct);
        var alice = await h.ConnectAsync("alice", ct);
        var lists = new Recorder<BlinkTradeMessage>();
        using var m = alice.Messages.Subscribe(lists);

        // A buy limit rounds down, a sell limit up: never a worse price than asked.
        var buy = await alice.SendOrderAsync(Limit(Side.Buy, 1m, 100.07m), ct);
        Assert.Equal(OrdStatus.New, buy.OrdStatus);
        Assert.Equal(Price.FromDecimal(100.05m), buy.Price);
        var sell = await alice.SendOrderAsync(Limit(Side.Sell, 1m, 100.12m), ct);
        Assert.Equal(OrdStatus.New, sell.OrdStatus);
        Assert.Equal(Price.FromDecimal(100.15m), sell.Price);

        // A buy stop's trigger rounds up, a sell stop's down: never triggered before the asked price.
        var buyStop = await alice.SendOrderAsync(NewOrder.StopLimit(Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(110.01m), Price.FromDecimal(110.04m)), ct);
        Assert.NotEqual(OrdStatus.Rejected, buyStop.OrdStatus);
        var sellStop = await alice.SendOrderAsync(NewOrder.Stop(Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(90.04m)), ct);
        Assert.NotEqual(OrdStatus.Rejected, sellStop.OrdStatus);
        var open = await h.Exchange.GetOpenOrdersAsync(await h.Exchange.FindUserIdAsync("alice", ct) ?? 0, ct);
        Assert.Equal((Price.FromDecimal(110.05m), Price.FromDecimal(110.00m)), open.Single(o => o.OrderId == buyStop.OrderID) is var b ? (b.StopPx, b.Price) : default);
        Assert.Equal(Price.FromDecimal(90.00m), open.Single(o => o.OrderId == sellStop.OrderID).StopPx);

        // On the grid already: sent as given. The list was read while the connection was restored, not per order.
        var exact = await alice.SendOrderAsync(Limit(Side.Buy, 0.01m, 99.95m), ct);
        Assert.Equal(Price.FromDecimal(99.95m), exact.Price);
        Assert.Equal(0, await ListsBeforeAsync(lists, exact));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_failed_check_throws_before_anything_is_sent(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await StartAsync(kind, ct);
        var alice = await h.ConnectAsync("alice", ct, o => o.PreTradeChecks.PipRounding = PipRounding.Reject);
        var aliceId = await h.Exchange.FindUserIdAsync("alice", ct) ?? 0;
        var first = await alice.SendOrderAsync(Limit(Side.Buy, 1m, 100m), ct);

        var offPip = await Assert.ThrowsAsync<PreTradeCheckException>(() => alice.SendOrderAsync(Limit(Side.Buy, 1m, 100.07m), ct));
        Assert.Equal(PreTradeCheckFailure.PriceOffPip, offPip.Failure);
        Assert.Equal("Price", offPip.Field);
        Assert.Equal(Symbol, offPip.Symbol);
        Assert.Contains("100.07", offPip.Message, StringComparison.Ordinal);
        var small = await Assert.ThrowsAsync<PreTradeCheckException>(() => alice.SendOrderAsync(Limit(Side.Buy, 0.009m, 100m), ct));
        Assert.Equal(PreTradeCheckFailure.QuantityBelowMinimum, small.Failure);
        Assert.Equal("OrderQty", small.Field);
        Assert.Contains("0.01", small.Message, StringComparison.Ordinal);
        var stop = await Assert.ThrowsAsync<PreTradeCheckException>(() => alice.SendOrderAsync(NewOrder.Stop(Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(90.01m)), ct));
        Assert.Equal(("StopPx", PreTradeCheckFailure.PriceOffPip), (stop.Field, stop.Failure));
        var side = await Assert.ThrowsAsync<PreTradeCheckException>(() => alice.SendOrderAsync(new NewOrder(Symbol, Side.FromWire("3"), OrdType.Limit, Quantity.FromDecimal(1m)) { Price = Price.FromDecimal(100m) }, ct));
        Assert.Equal(PreTradeCheckFailure.InvalidSide, side.Failure);
        var postOnly = await Assert.ThrowsAsync<PreTradeCheckException>(() => alice.SendOrderAsync(NewOrder.Market(Symbol, Side.Buy, Quantity.FromDecimal(1m)) with { PostOnly = true }, ct));
        Assert.Equal(PreTradeCheckFailure.PostOnlyNotLimit, postOnly.Failure);
        // Caught by the one base of the client's own exceptions.
        Assert.IsAssignableFrom<BlinkTradeException>(offPip);

        // Nothing of the refused orders reached the exchange, and they used no request id: the next generated ClOrdID
        // follows the first order's.
        var next = await alice.SendOrderAsync(Limit(Side.Buy, 1m, 99.95m), ct);
        Assert.Equal(Sequence(first.ClOrdID!) + 1, Sequence(next.ClOrdID!));
        Assert.Equal([first.OrderID, next.OrderID], (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Select(o => o.OrderId).Order());
        // An unknown symbol is refused too (after reading the list once more: an instrument may have been listed since).
        var unknown = await Assert.ThrowsAsync<PreTradeCheckException>(() => alice.SendOrderAsync(NewOrder.Market("NOPE", Side.Buy, Quantity.FromDecimal(1m)), ct));
        Assert.Equal((PreTradeCheckFailure.UnknownSymbol, "NOPE", "Symbol"), (unknown.Failure, unknown.Symbol, unknown.Field));
        Assert.Equal([first.OrderID, next.OrderID], (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Select(o => o.OrderId).Order());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_price_below_one_pip_is_refused_and_an_instrument_listed_later_is_found(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await StartAsync(kind, ct);
        var alice = await h.ConnectAsync("alice", ct);
        var lists = new Recorder<BlinkTradeMessage>();
        using var m = alice.Messages.Subscribe(lists);

        var zero = await Assert.ThrowsAsync<PreTradeCheckException>(() => alice.SendOrderAsync(Limit(Side.Buy, 1m, 0.03m), ct));
        Assert.Equal(PreTradeCheckFailure.PriceBelowPip, zero.Failure);
        // A sell below one pip rounds up to it.
        Assert.Equal(Price.FromDecimal(0.05m), (await alice.SendOrderAsync(Limit(Side.Sell, 1m, 0.03m), ct)).Price);

        // Listed after the client read the list: the unknown symbol reads it once more, then trades.
        await h.Exchange.CreateInstrumentAsync("ETHBTC", "ETH", "BTC", cancellationToken: ct);
        var later = await alice.SendOrderAsync(NewOrder.Limit("ETHBTC", Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(0.05m)), ct);
        Assert.Equal(OrdStatus.New, later.OrdStatus);
        Assert.Equal(1, await ListsBeforeAsync(lists, later));
        // Still unknown after that read: refused, and the list is not read again for the same symbol.
        await Assert.ThrowsAsync<PreTradeCheckException>(() => alice.SendOrderAsync(NewOrder.Market("NOPE", Side.Buy, Quantity.FromDecimal(1m)), ct));
        await Assert.ThrowsAsync<PreTradeCheckException>(() => alice.SendOrderAsync(NewOrder.Market("NOPE", Side.Buy, Quantity.FromDecimal(1m)), ct));
        var after = await alice.SendOrderAsync(Limit(Side.Sell, 1m, 200m), ct);
        Assert.Equal(2, await ListsBeforeAsync(lists, after));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task The_instrument_list_is_read_again_after_a_reconnect(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await StartAsync(kind, ct);
        var alice = await h.ConnectAsync("alice", ct);
        var aliceId = await h.Exchange.FindUserIdAsync("alice", ct) ?? 0;
        var lists = new Recorder<BlinkTradeMessage>();
        var recoveries = new Recorder<SessionRecovery>();
        using var m = alice.Messages.Subscribe(lists);
        using var r = alice.Recoveries.Subscribe(recoveries);
        var before = await alice.SendOrderAsync(Limit(Side.Buy, 1m, 100.07m), ct);
        Assert.Equal(0, await ListsBeforeAsync(lists, before));   // read while connecting

        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(aliceId));
        await recoveries.WaitForAsync(_ => true, what: "the reconnect");
        var again = await alice.SendOrderAsync(Limit(Side.Buy, 1m, 100.07m), ct);
        Assert.Equal(Price.FromDecimal(100.05m), again.Price);
        Assert.Equal(1, await ListsBeforeAsync(lists, again));    // read again while reconnecting
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task With_the_checks_off_the_exchange_floors_the_price_and_rejects_below_the_minimum(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await StartAsync(kind, ct);
        var alice = await h.ConnectAsync("alice", ct, o => o.PreTradeChecks.Enabled = false);
        var lists = new Recorder<BlinkTradeMessage>();
        using var m = alice.Messages.Subscribe(lists);

        // G32: the exchange floors every price, so a sell's limit becomes worse than asked and the echo differs.
        var sell = await alice.SendOrderAsync(Limit(Side.Sell, 1m, 100.12m), ct);
        Assert.Equal(OrdStatus.New, sell.OrdStatus);
        Assert.Equal(Price.FromDecimal(100.10m), sell.Price);
        // §1.3: below the minimum is an execution report with OrdRejReason 3, not an exception.
        var small = await alice.SendOrderAsync(Limit(Side.Buy, 0.009m, 100m), ct);
        Assert.Equal(OrdStatus.Rejected, small.OrdStatus);
        Assert.Equal(OrdRejReason.OrderExceedsLimit, small.OrdRejReason);
        // An impossible side is the exchange's ERROR.
        var side = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => alice.SendOrderAsync(new NewOrder(Symbol, Side.FromWire("3"), OrdType.Limit, Quantity.FromDecimal(1m)) { Price = Price.FromDecimal(100m) }, ct));
        Assert.Contains("Side", side.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ListsBeforeAsync(lists, small));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task The_instrument_list_carries_the_pip_and_the_minimum(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await StartAsync(kind, ct);
        var alice = await h.ConnectAsync("alice", ct);
        var list = await alice.GetSecurityListAsync(ct);
        var instrument = Assert.Single(list.Instruments!, i => i.Symbol == Symbol);
        Assert.Equal(("EUR", Quantity.FromDecimal(0.01m)), (instrument.Currency, instrument.MinQty));
        Assert.Equal(Price.FromDecimal(0.05m).Satoshis, Assert.Single(list.Currencies!, c => c.Code == "EUR").Pip);
        Assert.Equal(new Quantity(1), Assert.Single(list.Instruments!, i => i.Symbol == E2EHarness.Symbol).MinQty);
    }

    // How many instrument lists the client had received when the report of `order` arrived: the Messages stream
    // delivers in arrival order, on its own queue, so wait for the report and count what came before it.
    private static async Task<int> ListsBeforeAsync(Recorder<BlinkTradeMessage> messages, ExecutionReport order)
    {
        await messages.WaitForAsync(m => m is ExecutionReport r && r.ClOrdID == order.ClOrdID, what: "the order's report on Messages");
        var items = messages.Items;
        var at = items.ToList().FindIndex(m => m is ExecutionReport r && r.ClOrdID == order.ClOrdID);
        return items.Take(at).Count(m => m is SecurityList);
    }

    // The counter at the end of a generated ClOrdID ("bt<prefix>-<n>").
    private static long Sequence(string clOrdId) => long.Parse(clOrdId[(clOrdId.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
