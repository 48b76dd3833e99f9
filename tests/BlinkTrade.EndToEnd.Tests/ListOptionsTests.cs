using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue #20: the ledger's search terms (<c>U34</c> Filter), the trade history's symbols and search terms (<c>U32</c>
/// SymbolList, Filter) and the broker directory's statuses (<c>U28</c> StatusList), applied by the exchange.
/// </summary>
public sealed class ListOptionsTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task The_ledger_trade_history_and_broker_lists_apply_their_filters(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.Exchange.CreateInstrumentAsync("LTCUSD", "LTC", "USD", cancellationToken: ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        var bobId = await h.CreateUserAsync("bob", btc: 10 * Coin, cancellationToken: ct);
        var carolId = await h.CreateUserAsync("carol", cancellationToken: ct);
        await h.Exchange.CreditAsync(carolId, "LTC", Amount.FromSatoshis(10 * Coin), ct);
        var alice = await h.ConnectAsync("alice", ct);
        var bob = await h.ConnectAsync("bob", ct);
        var carol = await h.ConnectAsync("carol", ct);
        var fills = new Recorder<Fill>();
        using var f = alice.Fills.Subscribe(fills);

        var btcAsk = await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600m)), ct);
        var btcBuy = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)), ct);
        await carol.SendOrderAsync(NewOrder.Limit("LTCUSD", Side.Sell, Quantity.FromDecimal(2m), Price.FromDecimal(50m)), ct);
        await alice.SendOrderAsync(NewOrder.Limit("LTCUSD", Side.Buy, Quantity.FromDecimal(2m), Price.FromDecimal(50m)), ct);
        await fills.WaitForAsync(x => x.Symbol == "LTCUSD", what: "alice's LTC fill");

        // U32: SymbolList keeps one symbol; a search term names a symbol or a buyer/seller id; terms combine (AND).
        var all = await alice.GetTradeHistoryAsync(cancellationToken: ct).ToListAsync(ct);
        Assert.Equal(["LTCUSD", E2EHarness.Symbol], all.Select(t => t.Market));
        Assert.Equal(["LTCUSD"], (await alice.GetTradeHistoryAsync(new TradeHistoryOptions { Symbols = ["LTCUSD"] }, ct).ToListAsync(ct)).Select(t => t.Market));
        Assert.Equal([E2EHarness.Symbol], (await alice.GetTradeHistoryAsync(new TradeHistoryOptions { Filter = ["btcusd"] }, ct).ToListAsync(ct)).Select(t => t.Market));
        var bobs = Assert.Single(await alice.GetTradeHistoryAsync(new TradeHistoryOptions { Filter = [bobId.ToString(System.Globalization.CultureInfo.InvariantCulture)] }, ct).ToListAsync(ct));
        Assert.Equal((bobId, aliceId), (bobs.Seller, bobs.Buyer));
        Assert.Empty(await alice.GetTradeHistoryAsync(new TradeHistoryOptions { Symbols = ["LTCUSD"], Filter = [bobId.ToString(System.Globalization.CultureInfo.InvariantCulture)] }, ct).ToListAsync(ct));
        Assert.Equal(2, (await alice.GetTradeHistoryAsync(new TradeHistoryOptions { Filter = [aliceId.ToString(System.Globalization.CultureInfo.InvariantCulture)] }, ct).ToListAsync(ct)).Count);

        // U34: a search term names the trade's reference, the payee or an amount in whole units.
        var ledger = await alice.GetLedgerAsync(cancellationToken: ct).ToListAsync(ct);
        var reference = $"{btcBuy.OrderID}.{btcAsk.OrderID}";
        var btcTrade = await alice.GetLedgerAsync(new LedgerOptions { Filter = [reference] }, ct).ToListAsync(ct);
        Assert.NotEmpty(btcTrade);
        Assert.Equal(ledger.Where(row => row.Reference == reference).Select(row => row.LedgerID), btcTrade.Select(row => row.LedgerID));
        Assert.All(await alice.GetLedgerAsync(new LedgerOptions { Filter = ["10000"] }, ct).ToListAsync(ct), row => Assert.True(row.Amount?.Satoshis == 10_000 * Coin || row.Balance?.Satoshis == 10_000 * Coin));
        Assert.Single(await alice.GetLedgerAsync(new LedgerOptions { Filter = ["10000"], Currency = "USD" }, ct).ToListAsync(ct));
        var withCarol = await alice.GetLedgerAsync(new LedgerOptions { Filter = ["carol"], Currency = "LTC" }, ct).ToListAsync(ct);
        Assert.NotEmpty(withCarol);
        Assert.All(withCarol, row => Assert.Equal(carolId, row.PayeeID));
        Assert.Empty(await alice.GetLedgerAsync(new LedgerOptions { Filter = ["carol", reference] }, ct).ToListAsync(ct));

        // U28: StatusList ["1"] (the default) lists the active brokers; another status none.
        Assert.Contains(await alice.GetBrokersAsync(new BrokerListOptions { Statuses = ["1"] }, ct), b => b.BrokerID == E2EHarness.BrokerId);
        Assert.Empty(await alice.GetBrokersAsync(new BrokerListOptions { Statuses = ["0"] }, ct));
    }
}
