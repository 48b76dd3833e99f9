using BlinkTrade.Client;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;
using ClientBook = BlinkTrade.Client.MarketData.OrderBookSnapshot;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Issue #5 (3): an order's life seen by both counterparties, with fees on the balances stream.</summary>
public sealed class TradingTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Partial_fill_and_cancel_are_seen_by_both_sides_and_balances_include_fees(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1000 * Coin, cancellationToken: ct);
        var bobId = await h.CreateUserAsync("bob", btc: 2 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.0.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.0.2");

        var aliceReports = new Recorder<ExecutionReport>();
        var bobReports = new Recorder<ExecutionReport>();
        var aliceBalances = new Recorder<BalanceSnapshot>();
        var bobBalances = new Recorder<BalanceSnapshot>();
        var aliceBook = new Recorder<ClientBook>();
        using var s1 = alice.ExecutionReports.Subscribe(aliceReports);
        using var s2 = bob.ExecutionReports.Subscribe(bobReports);
        using var s3 = alice.Balances.Subscribe(aliceBalances);
        using var s4 = bob.Balances.Subscribe(bobBalances);
        using var s5 = alice.ObserveOrderBook(E2EHarness.Symbol).Subscribe(aliceBook);
        Assert.Equal(1000 * Coin, (await alice.GetBalancesAsync(ct)).Get("USD")?.Total?.Satoshis);
        Assert.Equal(2 * Coin, (await bob.GetBalancesAsync(ct)).Get("BTC")?.Total?.Satoshis);
        await aliceBook.WaitForAsync(b => b.IsReset, what: "alice's initial book");

        // Bob (maker) rests 1 BTC at 600; Alice (taker) buys 0.4.
        var ask = await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600m)), ct);
        Assert.Equal(OrdStatus.New, ask.OrdStatus);
        await aliceBook.WaitForAsync(b => b.Asks.Count == 1 && b.Asks[0].OrderId == ask.OrderID, what: "the ask in alice's book");
        var buy = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.4m), Price.FromDecimal(600m)), ct);

        var takerFill = await aliceReports.WaitForAsync(r => r.OrderID == buy.OrderID && r.OrdStatus == OrdStatus.Filled, what: "taker fill");
        Assert.Equal(Side.Buy, takerFill.Side);
        Assert.Equal(Side.Buy, takerFill.ExecSide); // the taker is the aggressor: ExecSide == Side
        Assert.Equal(Quantity.FromDecimal(0.4m), takerFill.LastShares);
        Assert.Equal(Price.FromDecimal(600m), takerFill.LastPx);

        var makerFill = await bobReports.WaitForAsync(r => r.OrderID == ask.OrderID && r.OrdStatus == OrdStatus.PartiallyFilled, what: "maker partial fill");
        Assert.Equal(Side.Sell, makerFill.Side);
        Assert.Equal(Side.Buy, makerFill.ExecSide); // the maker learns it was maker: ExecSide != Side (§3.9)
        Assert.Equal(Quantity.FromDecimal(0.4m), makerFill.LastShares);
        Assert.Equal(Quantity.FromDecimal(0.4m), makerFill.CumQty);
        Assert.Equal(Quantity.FromDecimal(0.6m), makerFill.LeavesQty);
        Assert.True(bob.Orders.TryGet(ask.OrderID, out var tracked) && tracked.OrdStatus == OrdStatus.PartiallyFilled);
        await aliceBook.WaitForAsync(b => b.Asks.Count == 1 && b.Asks[0].Size == Quantity.FromDecimal(0.6m), what: "the ask reduced to 0.6");

        // Bob cancels the rest; alice's book sees it go.
        var cancelled = await bob.CancelOrderAsync(ask.OrderID, ct);
        Assert.Equal(OrdStatus.Cancelled, cancelled.OrdStatus);
        Assert.Equal(Quantity.FromDecimal(0.4m), cancelled.CumQty);
        Assert.Equal(Quantity.Zero, cancelled.LeavesQty);
        Assert.Equal(Side.Sell, cancelled.ExecSide);
        await aliceBook.WaitForAsync(b => b.Asks.Count == 0 && !b.IsReset, what: "the ask gone from alice's book");
        Assert.Empty(bob.Orders.Open);

        // Notional 240 USD. Alice (taker, buyer) pays 20 bps of 0.4 BTC; Bob (maker, seller) pays 10 bps of 240 USD.
        const long notional = 240 * Coin;
        var aliceBtc = Quantity.FromDecimal(0.4m).Satoshis - (Quantity.FromDecimal(0.4m).Satoshis * E2EHarness.TakerBps / 10_000);
        var bobUsd = notional - (notional * E2EHarness.MakerBps / 10_000);
        Assert.Equal(Quantity.FromDecimal(0.3992m).Satoshis, aliceBtc);
        Assert.Equal(Amount.FromDecimal(239.76m).Satoshis, bobUsd);

        await Wait.Eventually(() => Matches(aliceBalances.Last, "USD", 1000 * Coin - notional, 0) && Matches(aliceBalances.Last, "BTC", aliceBtc, 0),
            what: "alice's balances stream");
        await Wait.Eventually(() => Matches(bobBalances.Last, "BTC", 2 * Coin - 40_000_000, 0) && Matches(bobBalances.Last, "USD", bobUsd, 0),
            what: "bob's balances stream");
        Assert.Equal(1000 * Coin - notional, (await h.Exchange.GetBalanceAsync(aliceId, "USD", ct)).Total.Satoshis);
        Assert.Equal(aliceBtc, (await h.Exchange.GetBalanceAsync(aliceId, "BTC", ct)).Total.Satoshis);
        Assert.Equal(bobUsd, (await h.Exchange.GetBalanceAsync(bobId, "USD", ct)).Total.Satoshis);
        Assert.Equal(0, (await h.Exchange.GetBalanceAsync(bobId, "BTC", ct)).Locked.Satoshis);
        // A fresh U2 agrees with the stream.
        var fresh = await bob.GetBalancesAsync(ct);
        Assert.True(Matches(fresh, "USD", bobUsd, 0));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Hundreds_of_concurrent_requests_on_one_session_each_get_their_own_answer(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1_000_000 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);

        var sends = Enumerable.Range(0, 300).Select(i => alice.SendOrderAsync(
            NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromSatoshis(1_000_000L * (i + 1)), Price.FromDecimal(100m + i)) with { ClOrdID = $"c-{i}" }, ct)).ToArray();
        var balances = Enumerable.Range(0, 20).Select(_ => alice.GetBalancesAsync(ct)).ToArray();
        var reports = await Task.WhenAll(sends);
        await Task.WhenAll(balances);

        for (var i = 0; i < reports.Length; i++)
        {
            Assert.Equal($"c-{i}", reports[i].ClOrdID);
            Assert.Equal(Quantity.FromSatoshis(1_000_000L * (i + 1)), reports[i].OrderQty);
            Assert.Equal(OrdStatus.New, reports[i].OrdStatus);
        }
        Assert.Equal(300, reports.Select(x => x.OrderID).Distinct().Count());
        Assert.Equal(300, (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Count);
        Assert.Equal(300, alice.Orders.Open.Count);
    }

    private static bool Matches(BalanceSnapshot? snapshot, string currency, long total, long locked)
        => snapshot?.Get(currency) is { } b && b.Total?.Satoshis == total && (b.Locked?.Satoshis ?? 0) == locked;
}
