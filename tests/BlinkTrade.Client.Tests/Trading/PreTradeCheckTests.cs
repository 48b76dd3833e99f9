using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client.Tests.Trading;

/// <summary>Issue 20: the pre-trade checks' rounding rule, and how the client reads the instrument list (once, shared,
/// a refused list not cached) — against a scripted peer; EndToEnd's PreTradeCheckTests run them against the exchange.</summary>
public sealed class PreTradeCheckTests
{
    private static readonly InstrumentRules Rules = new("BTCUSD", Price.FromDecimal(0.05m).Satoshis, Quantity.FromDecimal(0.01m).Satoshis);

    private static NewOrderSingle Order(Side side, OrdType type, decimal? price, decimal? stop, decimal quantity = 1m) => new()
    {
        Symbol = "BTCUSD",
        Side = side,
        OrdType = type,
        Price = price is { } p ? Price.FromDecimal(p) : null,
        StopPx = stop is { } s ? Price.FromDecimal(s) : null,
        OrderQty = Quantity.FromDecimal(quantity),
    };

    [Theory]
    // Limits: a buy down, a sell up (never a worse price); on the grid unchanged.
    [InlineData("1", "2", 100.07, null, 100.05, null)]
    [InlineData("2", "2", 100.07, null, 100.10, null)]
    [InlineData("1", "2", 100.05, null, 100.05, null)]
    [InlineData("2", "2", 0.01, null, 0.05, null)]
    // Stops: a buy's trigger up, a sell's down (never triggered before the asked price).
    [InlineData("1", "3", null, 99.96, null, 100.00)]
    [InlineData("2", "3", null, 99.96, null, 99.95)]
    [InlineData("1", "4", 100.09, 99.91, 100.05, 99.95)]
    [InlineData("2", "4", 100.01, 100.09, 100.05, 100.05)]
    public void Prices_round_so_the_order_is_never_looser_than_asked(string side, string type, double? price, double? stop, double? sentPrice, double? sentStop)
    {
        var order = Order(Side.FromWire(side), OrdType.FromWire(type), (decimal?)price, (decimal?)stop);
        var sent = PreTradeChecker.Apply(order, Rules, PipRounding.NeverLooser);
        Assert.Equal(sentPrice is { } p ? Price.FromDecimal((decimal)p) : null, sent.Price);
        Assert.Equal(sentStop is { } s ? Price.FromDecimal((decimal)s) : null, sent.StopPx);
        if (sentPrice == price && sentStop == stop)
        {
            Assert.Same(order, sent);
        }
    }

    [Fact]
    public void Reject_mode_a_buy_below_one_pip_and_a_small_quantity_fail_with_the_field_and_the_values()
    {
        var offPip = Assert.Throws<PreTradeCheckException>(() => PreTradeChecker.Apply(Order(Side.Sell, OrdType.StopLimit, 100.05m, 99.97m), Rules, PipRounding.Reject));
        Assert.Equal((PreTradeCheckFailure.PriceOffPip, "StopPx", "BTCUSD"), (offPip.Failure, offPip.Field, offPip.Symbol));
        Assert.Contains("99.97", offPip.Message, StringComparison.Ordinal);
        Assert.Contains("0.05", offPip.Message, StringComparison.Ordinal);
        var zero = Assert.Throws<PreTradeCheckException>(() => PreTradeChecker.Apply(Order(Side.Buy, OrdType.Limit, 0.04m, null), Rules, PipRounding.NeverLooser));
        Assert.Equal((PreTradeCheckFailure.PriceBelowPip, "Price"), (zero.Failure, zero.Field));
        var small = Assert.Throws<PreTradeCheckException>(() => PreTradeChecker.Apply(Order(Side.Buy, OrdType.Market, null, null, 0.0099m), Rules, PipRounding.NeverLooser));
        Assert.Equal((PreTradeCheckFailure.QuantityBelowMinimum, "OrderQty"), (small.Failure, small.Field));
        Assert.Same(Order(Side.Buy, OrdType.Market, null, null, 0.01m) is var exact ? exact : null, PreTradeChecker.Apply(exact, Rules, PipRounding.Reject));
        // Without a listed minimum nothing is checked.
        PreTradeChecker.Apply(Order(Side.Buy, OrdType.Market, null, null, 0.00000001m), Rules with { MinQuantity = null }, PipRounding.Reject);
    }

    [Fact]
    public void Side_order_type_and_post_only_are_checked_without_the_list()
    {
        Assert.Equal(PreTradeCheckFailure.InvalidSide, Assert.Throws<PreTradeCheckException>(() => PreTradeChecker.CheckShape(Order(Side.Borrow, OrdType.Limit, 1m, null))).Failure);
        Assert.Equal(PreTradeCheckFailure.UnsupportedOrderType, Assert.Throws<PreTradeCheckException>(() => PreTradeChecker.CheckShape(Order(Side.Buy, OrdType.FromWire("P"), 1m, null))).Failure);
        Assert.Equal(PreTradeCheckFailure.PostOnlyNotLimit, Assert.Throws<PreTradeCheckException>(() => PreTradeChecker.CheckShape(Order(Side.Buy, OrdType.StopLimit, 1m, 1m) with { ExecInst = ExecInst.PostOnly })).Failure);
        PreTradeChecker.CheckShape(Order(Side.Sell, OrdType.Limit, 1m, null) with { ExecInst = ExecInst.PostOnly });
    }

    [Fact]
    public async Task Concurrent_orders_share_one_list_request_and_a_refused_order_sends_nothing()
    {
        await using var harness = ClientHarness.Create(p =>
        {
            ExchangeScripts.Standard(p);
            p.Respond<NewOrderSingle>(o => new ExecutionReport { ClOrdID = o.ClOrdID, OrderID = 7, Symbol = o.Symbol, Side = o.Side, OrdType = o.OrdType, Price = o.Price ?? default, OrderQty = o.OrderQty, ExecType = ExecType.New, OrdStatus = OrdStatus.New });
        }, o => o.PreTradeChecks.Enabled = true);
        var peer = await harness.ConnectAsync();

        var orders = Enumerable.Range(0, 5).Select(i => harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(600.019m)))).ToArray();
        var reports = await Task.WhenAll(orders).WaitAsync(TestDefaults.Timeout);
        Assert.All(reports, r => Assert.Equal(Price.FromDecimal(600.01m), r.Price));
        Assert.Single(peer.Received, m => m is SecurityListRequest);

        var refused = await Assert.ThrowsAsync<PreTradeCheckException>(() => harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.00009m), Price.FromDecimal(600m))));
        Assert.Equal(PreTradeCheckFailure.QuantityBelowMinimum, refused.Failure);
        Assert.Equal(5, peer.Received.Count(m => m is NewOrderSingle));
        Assert.DoesNotContain(peer.Received, m => m is NewOrderSingle { OrderQty.Satoshis: < 10_000 });
    }

    [Fact]
    public async Task A_refused_instrument_list_fails_the_order_and_is_asked_again_by_the_next()
    {
        var refuse = true;
        await using var harness = ClientHarness.Create(p =>
        {
            ExchangeScripts.Standard(p);
            p.Respond<SecurityListRequest>(r => Volatile.Read(ref refuse)
                ? new ErrorMessage { Description = "Invalid message", Detail = "Not supported", ReqID = r.SecurityReqID.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : new SecurityList { SecurityReqID = r.SecurityReqID, Instruments = [new SecurityInstrument { Symbol = "BTCUSD", Currency = "USD" }], Currencies = [new SecurityCurrency { Code = "USD", Pip = 1_000_000 }] });
            p.Respond<NewOrderSingle>(o => new ExecutionReport { ClOrdID = o.ClOrdID, OrderID = 8, Price = o.Price ?? default, ExecType = ExecType.New, OrdStatus = OrdStatus.New });
        }, o => o.PreTradeChecks.Enabled = true);
        var peer = await harness.ConnectAsync();

        var failed = await Assert.ThrowsAsync<PreTradeCheckException>(() => harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600.001m))).WaitAsync(TestDefaults.Timeout));
        Assert.Equal(PreTradeCheckFailure.InstrumentsUnavailable, failed.Failure);
        Assert.IsType<BlinkTradeErrorException>(failed.InnerException);
        Assert.Contains("the exchange refused the instrument list", failed.Message, StringComparison.Ordinal);
        Assert.Contains("PreTradeChecks.Enabled off", failed.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<BlinkTradeException>(failed);
        Assert.DoesNotContain(peer.Received, m => m is NewOrderSingle);

        Volatile.Write(ref refuse, false);
        var report = await harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600.001m))).WaitAsync(TestDefaults.Timeout);
        Assert.Equal(Price.FromDecimal(600.01m), report.Price);
        Assert.Equal(2, peer.Received.Count(m => m is SecurityListRequest));
    }

    [Fact]
    public async Task A_logged_in_connection_reads_the_list_before_it_is_ready_and_a_refused_read_does_not_fail_it()
    {
        var refuse = true;
        await using var harness = ClientHarness.Create(p =>
        {
            ExchangeScripts.Standard(p);
            p.Respond<SecurityListRequest>(r => Volatile.Read(ref refuse)
                ? new ErrorMessage { Description = "Invalid message", ReqID = r.SecurityReqID.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : new SecurityList { SecurityReqID = r.SecurityReqID, Instruments = [new SecurityInstrument { Symbol = "BTCUSD", Currency = "USD" }], Currencies = [new SecurityCurrency { Code = "USD", Pip = 1_000_000 }] });
            p.Respond<NewOrderSingle>(o => new ExecutionReport { ClOrdID = o.ClOrdID, OrderID = 9, Price = o.Price ?? default, ExecType = ExecType.New, OrdStatus = OrdStatus.New });
        }, o =>
        {
            o.PreTradeChecks.Enabled = true;
            o.Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, ExchangeScripts.Password);
        });

        // Refused while connecting: the connection is up all the same, and the first order asks again.
        var peer = await harness.ConnectAsync();
        Assert.Equal(ConnectionState.LoggedIn, harness.Client.State);
        var received = peer.Received.Select(m => m.MsgType).ToList();
        Assert.True(received.IndexOf("BE") < received.IndexOf("x"), "the list is read after the login");
        Volatile.Write(ref refuse, false);
        var report = await harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600.019m))).WaitAsync(TestDefaults.Timeout);
        Assert.Equal(Price.FromDecimal(600.01m), report.Price);
        Assert.Equal(2, peer.Received.Count(m => m is SecurityListRequest));

        // Read while reconnecting, before the connection is ready: the next order asks for nothing.
        peer.Abort();
        var again = await harness.Transport.NextPeerAsync();
        await harness.States.WaitForAsync(s => s.State == ConnectionState.LoggedIn && s.Reason.StartsWith("Reconnected", StringComparison.Ordinal));
        Assert.Single(again.Received, m => m is SecurityListRequest);
        await harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600.001m))).WaitAsync(TestDefaults.Timeout);
        Assert.Single(again.Received, m => m is SecurityListRequest);
        Assert.Equal(Price.FromDecimal(600.01m), again.Received.OfType<NewOrderSingle>().Single().Price);
    }

    [Fact]
    public async Task An_order_whose_list_never_comes_fails_unsent_within_one_timeout()
    {
        await using var harness = ClientHarness.Create(p =>
        {
            ExchangeScripts.Standard(p);
            p.Respond<SecurityListRequest>(_ => null);
            p.Respond<NewOrderSingle>(o => new ExecutionReport { ClOrdID = o.ClOrdID, OrderID = 10, Price = o.Price ?? default, ExecType = ExecType.New, OrdStatus = OrdStatus.New });
        }, o =>
        {
            o.PreTradeChecks.Enabled = true;
            o.RequestTimeout = TimeSpan.FromSeconds(5);
        });
        var peer = await harness.ConnectAsync();

        // The list's own request and the order's wait both start now; the order gives up when its timeout ends.
        var sending = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
        await peer.ExpectAsync<SecurityListRequest>();
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(sending.IsCompleted, "the order waits for the list while its timeout lasts");
        harness.Time.Advance(TimeSpan.FromSeconds(1.5));
        var failed = await Assert.ThrowsAsync<PreTradeCheckException>(() => sending.WaitAsync(TestDefaults.Timeout));
        Assert.Equal(PreTradeCheckFailure.InstrumentsUnavailable, failed.Failure);
        Assert.IsType<BlinkTradeTimeoutException>(failed.InnerException);
        // A network fault: the advice is to send again, not to turn the checks off (the s13 chaos soak met this one).
        Assert.Contains("the instrument list the pre-trade checks need did not arrive", failed.Message, StringComparison.Ordinal);
        Assert.Contains("send it again once the connection is up", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PreTradeChecks.Enabled off", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(peer.Received, m => m is NewOrderSingle);
    }

    [Fact]
    public async Task An_order_whose_list_came_late_has_only_the_rest_of_its_timeout_for_the_answer()
    {
        await using var harness = ClientHarness.Create(p =>
        {
            ExchangeScripts.Standard(p);
            p.Respond<SecurityListRequest>(_ => null);
            p.Respond<NewOrderSingle>(_ => null);
        }, o =>
        {
            o.PreTradeChecks.Enabled = true;
            o.RequestTimeout = TimeSpan.FromSeconds(5);
        });
        var peer = await harness.ConnectAsync();

        var sending = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
        var request = await peer.ExpectAsync<SecurityListRequest>();
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        peer.Send(new SecurityList
        {
            SecurityReqID = request.SecurityReqID,
            Instruments = [new SecurityInstrument { Symbol = "BTCUSD", Currency = "USD" }],
            Currencies = [new SecurityCurrency { Code = "USD", Pip = 1_000_000 }],
        });
        await peer.ExpectAsync<NewOrderSingle>();

        // 3 s went to the list: the order's own answer gets the 2 s left, not a fresh 5 s.
        harness.Time.Advance(TimeSpan.FromSeconds(2.5));
        var timedOut = await Assert.ThrowsAsync<BlinkTradeTimeoutException>(() => sending.WaitAsync(TestDefaults.Timeout));
        Assert.Equal("D", timedOut.MsgType);
    }
}
