using System.Globalization;
using System.Text.Json;
using BlinkTrade.Client;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;
using BlinkTrade.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Issue #5 (8): trades and ticker against real trades; deposit and withdrawal round trips; paging of orders.</summary>
public sealed class MarketDataAndAccountTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Trades_and_ticker_follow_real_trades(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 10 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("carol", cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.5.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.5.2");
        var carol = await h.ConnectAsync("carol", ct, clientIp: "10.0.5.3");
        var trades = new Recorder<MarketTrade>();
        var ticks = new Recorder<Ticker>();
        using var t = carol.ObserveTrades(E2EHarness.Symbol).Subscribe(trades);
        using var k = carol.ObserveTicker(E2EHarness.Symbol).Subscribe(ticks);
        await ticks.WaitForAsync(_ => true, what: "the first ticker");

        var ask1 = await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.5m), Price.FromDecimal(620m)), ct);
        var ask2 = await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(621m)), ct);
        var buy = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.8m), Price.FromDecimal(621m)), ct);

        await Wait.Eventually(() => trades.Count >= 2, what: "two trades");
        var seen = trades.Items;
        Assert.Equal(2, seen.Count);
        Assert.Equal((Price.FromDecimal(620m), Quantity.FromDecimal(0.5m)), (seen[0].Price, seen[0].Size));
        Assert.Equal((Price.FromDecimal(621m), Quantity.FromDecimal(0.3m)), (seen[1].Price, seen[1].Size));
        Assert.All(seen, x => Assert.Equal(Side.Buy, x.AggressorSide));
        Assert.All(seen, x => Assert.Equal(E2EHarness.Symbol, x.Symbol));
        Assert.True(seen[0].TradeId < seen[1].TradeId, "trade ids increase");

        var tick = await ticks.WaitForAsync(x => x.LastPx == Price.FromDecimal(621m), what: "a ticker after the trades");
        Assert.Equal(Price.FromDecimal(621m), tick.HighPx);
        Assert.Equal(Price.FromDecimal(620m), tick.LowPx);
        Assert.Equal(Quantity.FromDecimal(0.8m), tick.BaseVolume24h);
        Assert.NotEqual(0, buy.OrderID + ask1.OrderID + ask2.OrderID);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task An_anonymous_client_follows_the_public_book_and_trades(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 10 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.5.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.5.2");
        var ask = await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(620m)), ct);

        var viewer = h.Client((BlinkTradeCredentials?)null, clientIp: "10.0.5.9");
        await viewer.ConnectAsync(ct);
        Assert.Equal(ConnectionState.Connected, viewer.State);
        var books = new Recorder<BlinkTrade.Client.MarketData.OrderBookSnapshot>();
        var trades = new Recorder<MarketTrade>();
        using var b = viewer.ObserveOrderBook(E2EHarness.Symbol).Subscribe(books);
        using var t = viewer.ObserveTrades(E2EHarness.Symbol).Subscribe(trades);
        await books.WaitForAsync(x => x.IsReset && x.Asks.Count == 1 && x.Asks[0].OrderId == ask.OrderID, what: "the resting ask in the anonymous snapshot");

        await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.25m), Price.FromDecimal(620m)), ct);

        var trade = await trades.WaitForAsync(_ => true, what: "the public trade");
        Assert.Equal((Price.FromDecimal(620m), Quantity.FromDecimal(0.25m)), (trade.Price, trade.Size));
        await BookAssert.ConvergesAsync(h.Exchange, E2EHarness.Symbol, () => books.Last, TimeSpan.FromSeconds(5), ct);
        Assert.Equal(Quantity.FromDecimal(0.75m), books.Last!.Asks[0].Size);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Deposit_and_withdrawal_round_trip_through_the_broker_control_api(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var deposits = new Recorder<DepositRefresh>();
        var withdrawals = new Recorder<WithdrawRefresh>();
        var balances = new Recorder<BalanceSnapshot>();
        using var d = alice.DepositUpdates.Subscribe(deposits);
        using var w = alice.WithdrawalUpdates.Subscribe(withdrawals);
        using var b = alice.Balances.Subscribe(balances);
        await alice.GetBalancesAsync(ct);

        var deposit = await alice.RequestDepositAsync(currency: "BTC", cancellationToken: ct);
        Assert.False(string.IsNullOrEmpty(deposit.Deposit.DepositID));
        await h.Exchange.ConfirmDepositAsync(deposit.Deposit.DepositID!, new(3 * Coin), ct);
        var credited = await deposits.WaitForAsync(x => x.Deposit.DepositID == deposit.Deposit.DepositID && x.Deposit.Status == DepositStatus.Complete, what: "deposit complete (U23)");
        Assert.Equal(3 * Coin, credited.Deposit.PaidValue?.Satoshis);
        await Wait.Eventually(() => balances.Last?.Get("BTC")?.Total?.Satoshis == 3 * Coin, what: "3 BTC on the balances stream");

        using var data = JsonDocument.Parse("""{"Wallet":"mrA9d7J9C2NYsbZ1vRZcXQDgNUdfBhbY1H"}""");
        var withdrawal = await alice.RequestWithdrawalAsync("BTC", Amount.FromSatoshis(Coin), "bitcoin", data.RootElement.Clone(), ct);
        Assert.Equal(WithdrawStatus.Unconfirmed, withdrawal.Withdrawal.Status);
        var id = withdrawal.Withdrawal.WithdrawID!.Value;
        await Wait.Eventually(() => balances.Last?.Get("BTC") is { Locked.Satoshis: Coin }, what: "1 BTC locked");

        var token = await h.Exchange.GetWithdrawalConfirmationTokenAsync(id, ct);
        Assert.NotNull(token);
        var confirmed = await alice.ConfirmWithdrawalAsync(new SecretString(token!), ct);
        Assert.Equal((id, WithdrawStatus.Pending), (confirmed.Withdrawal.WithdrawID, confirmed.Withdrawal.Status));

        Assert.Equal("4", await h.Exchange.ProcessWithdrawalAsync(id, WithdrawalAction.Complete, cancellationToken: ct));
        await withdrawals.WaitForAsync(x => x.Withdrawal.WithdrawID == id && x.Withdrawal.Status == WithdrawStatus.Complete, what: "withdrawal complete (U9)");
        await Wait.Eventually(() => balances.Last?.Get("BTC") is { Total.Satoshis: 2 * Coin, Locked.Satoshis: 0 }, what: "2 BTC left, nothing locked");
        Assert.Equal(new ExchangeBalance(Amount.FromSatoshis(2 * Coin), Amount.Zero), await h.Exchange.GetBalanceAsync(aliceId, "BTC", ct));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_withdrawal_cancelled_by_the_user_unlocks_its_amount_and_positions_are_listed(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", btc: 2 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var balances = new Recorder<BalanceSnapshot>();
        using var b = alice.Balances.Subscribe(balances);
        await alice.GetBalancesAsync(ct);

        using var data = JsonDocument.Parse("""{"Wallet":"mrA9d7J9C2NYsbZ1vRZcXQDgNUdfBhbY1H"}""");
        var withdrawal = await alice.RequestWithdrawalAsync("BTC", Amount.FromSatoshis(Coin / 2), "bitcoin", data.RootElement.Clone(), ct);
        var id = withdrawal.Withdrawal.WithdrawID!.Value;
        await Wait.Eventually(() => balances.Last?.Get("BTC") is { Locked.Satoshis: Coin / 2 }, what: "0.5 BTC locked");

        var comment = await alice.CommentWithdrawalAsync(id, "please send to the cold wallet", ct);
        Assert.Equal(id, comment.WithdrawID);
        Assert.Equal(["please send to the cold wallet"], await h.Exchange.GetWithdrawalCommentsAsync(id, ct));
        await Assert.ThrowsAsync<BlinkTradeErrorException>(() => alice.CommentWithdrawalAsync(id + 1000, "no such withdrawal", ct));

        var cancelled = await alice.CancelWithdrawalAsync(id, ct);
        Assert.Equal((id, WithdrawStatus.Cancelled), (cancelled.Withdrawal.WithdrawID, cancelled.Withdrawal.Status));
        await Wait.Eventually(() => balances.Last?.Get("BTC") is { Total.Satoshis: 2 * Coin, Locked.Satoshis: 0 }, what: "nothing locked after the cancel");
        Assert.Equal(new ExchangeBalance(Amount.FromSatoshis(2 * Coin), Amount.Zero), await h.Exchange.GetBalanceAsync(aliceId, "BTC", ct));
        // Twice is a readable reject, and the session goes on.
        var again = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => alice.CancelWithdrawalAsync(id, ct));
        Assert.Contains("cannot be cancelled", again.Detail ?? again.Description, StringComparison.Ordinal);
        // A wrong token is answered, not rejected: the status stays as it was (PROTOCOL.md U24).
        var wrong = await alice.ConfirmWithdrawalAsync(new SecretString("not-the-token"), ct);
        Assert.NotEqual(WithdrawStatus.Pending, wrong.Withdrawal.Status);

        var positions = await alice.GetPositionsAsync(ct);
        Assert.True(positions.Positions.ContainsKey(E2EHarness.BrokerId), "a position entry for the user's broker");
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Traders_are_ranked_by_balance_across_pages(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        for (var i = 1; i <= 5; i++)
        {
            await h.CreateUserAsync($"trader{i}", usd: i * Coin, btc: (i % 3 + 1) * Coin, cancellationToken: ct);
        }
        await h.CreateUserAsync("empty", cancellationToken: ct);
        var alice = await h.ConnectAsync("trader1", ct);

        var btc = new List<TradersRankEntry>();
        await foreach (var row in alice.GetTradersRankAsync(pageSize: 2, cancellationToken: ct))
        {
            btc.Add(row);
        }
        var usd = new List<TradersRankEntry>();
        await foreach (var row in alice.GetTradersRankAsync(["Currency eq USD"], cancellationToken: ct))
        {
            usd.Add(row);
        }

        // BTC: 3, 3, 2, 2, 1 coins — ties by username; the empty account is not ranked.
        Assert.Equal(["trader2:3", "trader5:3", "trader1:2", "trader4:2", "trader3:1"], btc.Select(x => $"{x.Trader}:{x.Amount!.Value.Satoshis / Coin}"));
        Assert.Equal([1, 2, 3, 4, 5], btc.Select(x => x.Rank!.Value));
        Assert.Equal(["trader5", "trader4", "trader3", "trader2", "trader1"], usd.Select(x => x.Trader));
        await Assert.ThrowsAsync<BlinkTradeErrorException>(async () =>
        {
            await foreach (var _ in alice.GetTradersRankAsync(["Amount gt 5"], cancellationToken: ct))
            {
            }
        });
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Deposit_methods_are_public_lists(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", cancellationToken: ct);
        await using var anonymous = h.Client(credentials: null);
        await anonymous.ConnectAsync(ct);
        var alice = await h.ConnectAsync("alice", ct);

        var methods = await anonymous.GetDepositMethodsAsync(E2EHarness.BrokerId, ct);
        var usd = Assert.Single(methods, m => m.Currency == "USD");
        Assert.Equal(methods.Select(m => m.DepositMethodID), (await alice.GetDepositMethodsAsync(cancellationToken: ct)).Select(m => m.DepositMethodID));

        var detail = await anonymous.GetDepositMethodAsync(usd.DepositMethodID!.Value, ct);
        Assert.False(detail.IsNotFound);
        Assert.Equal((usd.Description, "USD"), (detail.DepositMethod.Description, detail.DepositMethod.Currency));
        Assert.True((await anonymous.GetDepositMethodAsync(999_999, ct)).IsNotFound);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Orders_page_lazily_through_more_than_one_page(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 100_000 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var placed = new List<long>();
        for (var i = 0; i < 45; i++)
        {
            placed.Add((await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(100m + i)), ct)).OrderID);
        }
        await alice.CancelOrderAsync(placed[0], ct);
        var requests = 0;
        using var m = alice.Messages.Subscribe(x => { if (x is OrdersListResponse) { Interlocked.Increment(ref requests); } });

        var listed = new List<OrderListEntry>();
        await foreach (var row in alice.GetOrdersAsync(OrderListFilter.All, pageSize: 20, cancellationToken: ct))
        {
            listed.Add(row);
        }
        var open = new List<OrderListEntry>();
        await foreach (var row in alice.GetOrdersAsync(OrderListFilter.Open, pageSize: 20, cancellationToken: ct))
        {
            open.Add(row);
        }

        Assert.Equal(Enumerable.Reverse(placed), listed.Select(x => x.OrderID!.Value)); // newest first, each exactly once
        Assert.Equal(44, open.Count);
        Assert.DoesNotContain(open, x => x.OrderID == placed[0]);
        Assert.Equal(OrdStatus.Cancelled, listed[^1].OrdStatus);
        await Wait.Eventually(() => Volatile.Read(ref requests) >= 6, what: "three pages each (20 + 20 + 5 / 4)");

        // Lazy: taking 5 rows reads one page only.
        var before = Volatile.Read(ref requests);
        var first = new List<long>();
        await foreach (var row in alice.GetOrdersAsync(pageSize: 20, cancellationToken: ct))
        {
            first.Add(row.OrderID!.Value);
            if (first.Count == 5)
            {
                break;
            }
        }
        await alice.PingAsync(ct);
        await Wait.Eventually(() => Volatile.Read(ref requests) == before + 1, what: "one more page");
        Assert.Equal(Enumerable.Reverse(placed[^5..]), first);
    }
}
