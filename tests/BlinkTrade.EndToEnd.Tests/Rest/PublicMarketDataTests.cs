using BlinkTrade.ApiKeys;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests.Rest;

/// <summary>Issue #19: the public REST ticker, order book and trades against the engine's book and trade stream.</summary>
public sealed class PublicMarketDataTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Ticker_order_book_and_trades_match_the_engine(TransportKind kind)
    {
        using var cts = Wait.Budget(90);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 100_000 * Coin, cancellationToken: ct);
        var bobId = await h.CreateUserAsync("bob", btc: 50 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.0.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.0.2");
        var tape = new Recorder<MarketTrade>();
        using var s1 = alice.ObserveTrades(E2EHarness.Symbol).Subscribe(tape);
        using var market = await RestHarness.MarketDataClientAsync(h, ct);

        // 105 bids (more than the 100 the order book shows), two asks that trade with one buy, a market sell that takes
        // two of the bids: four trades.
        for (var i = 0; i < 105; i++)
        {
            await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.01m), Price.FromDecimal(400m + (i * 0.5m))), ct);
        }
        await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.25m), Price.FromDecimal(600.12345678m)), ct);
        await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.5m), Price.FromDecimal(601m)), ct);
        await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.3m), Price.FromDecimal(601m)), ct);
        await bob.SendOrderAsync(NewOrder.Market(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.02m)), ct);
        await tape.WaitForAsync(_ => tape.Count >= 4, what: "four trades on the stream");
        var trades = tape.Items.ToList();
        Assert.Equal(4, trades.Count);

        var truth = await h.Exchange.GetBookAsync(E2EHarness.Symbol, ct);
        var book = await market.GetOrderBookAsync("USD", cancellationToken: ct);
        Assert.Equal(E2EHarness.Symbol, book.Pair);
        Assert.Equal(100, book.Bids.Count);
        Assert.Equal(truth.Bids.Take(100).Select(b => (b.Price, b.Quantity, (long)b.UserId)), book.Bids.Select(b => (b.Price, b.Quantity, b.UserId)));
        Assert.Equal(truth.Offers.Select(b => (b.Price, b.Quantity, (long)b.UserId)), book.Asks.Select(b => (b.Price, b.Quantity, b.UserId)));
        Assert.Equal(Price.FromDecimal(601m), Assert.Single(book.Asks).Price);

        var rest = await market.GetTradesAsync("usd", cancellationToken: ct);
        Assert.Equal(trades.Select(t => (t.TradeId, t.Price, t.Size, t.AggressorSide)), rest.Select(t => ((long?)t.TradeId, t.Price, t.Amount, (Side?)t.Side)));
        Assert.Equal(Price.FromDecimal(600.12345678m), rest[0].Price); // eight decimals, exact
        var after = await market.GetTradesAsync("USD", since: rest[0].TradeId, cancellationToken: ct);
        Assert.Equal(rest.Skip(1).Select(t => t.TradeId), after.Select(t => t.TradeId));
        var one = Assert.Single(await market.GetTradesAsync("USD", since: rest[0].TradeId, limit: 1, cancellationToken: ct));
        Assert.Equal(rest[1].TradeId, one.TradeId);

        var ticker = await market.GetTickerAsync("USD", "BTC", ct);
        Assert.Equal(trades[^1].Price, ticker.Last);
        Assert.Equal(trades.Max(t => t.Price), ticker.High);
        Assert.Equal(trades.Min(t => t.Price), ticker.Low);
        Assert.Equal(trades.Sum(t => t.Size.Satoshis), ticker.BaseVolume.Satoshis);
        Assert.Equal(truth.Bids[0].Price.Satoshis, ticker.BestBid.Satoshis);
        Assert.Equal(truth.Offers[0].Price.Satoshis, ticker.BestAsk.Satoshis);
        Assert.True(ticker.QuoteVolume > Amount.Zero);
        _ = aliceId + bobId;
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task An_unknown_pair_is_404_a_bad_limit_400_and_jsonp_wraps_the_answer(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        using var market = await RestHarness.MarketDataClientAsync(h, ct);
        using var http = await RestHarness.RawClientAsync(h, ct);

        var unknown = await Assert.ThrowsAsync<BlinkTradeRestException>(() => market.GetTickerAsync("EUR", cancellationToken: ct));
        Assert.Equal(404, unknown.HttpStatus);
        Assert.False(unknown.IsOutcomeUnknown);
        var badLimit = await Assert.ThrowsAsync<BlinkTradeRestException>(() => market.GetTradesAsync("USD", limit: 0, cancellationToken: ct));
        Assert.Equal(400, badLimit.HttpStatus);

        var jsonp = await http.GetStringAsync("api/v1/USD/ticker?crypto_currency=BTC&callback=onTicker", ct);
        Assert.StartsWith("onTicker({\"pair\":\"BTCUSD\"", jsonp, StringComparison.Ordinal);
        Assert.EndsWith(")", jsonp, StringComparison.Ordinal);
        Assert.Empty(await market.GetTradesAsync("USD", cancellationToken: ct));
        var empty = await market.GetOrderBookAsync("USD", cancellationToken: ct);
        Assert.Empty(empty.Bids);
        Assert.Empty(empty.Asks);
    }
}
