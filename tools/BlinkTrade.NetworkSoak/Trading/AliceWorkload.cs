using System.Diagnostics;
using BlinkTrade.Client;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.NetworkSoak.MarketData;
using static BlinkTrade.NetworkSoak.Trading.TradingPrices;

namespace BlinkTrade.NetworkSoak.Trading;

/// <summary>alice, through the chaos proxy: workers that send post-only maker orders, IOC takes, cancels, cancel-all,
/// balance reads, paged order lists, pings, and now and then a burst of 25 orders above the exchange's rate limit
/// (the client must pace it, even across a path that froze). Each step runs inside the <see cref="MarketPause"/>, so
/// the book stands still while the book sampler compares.</summary>
internal sealed class AliceWorkload(BlinkTradeClient alice, RequestTimer timer, int seed, MarketPause pause)
{
    private int _ordersSent;

    public int OrdersSent => Volatile.Read(ref _ordersSent);

    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(n => WorkAsync(new Random((seed * 100) + n), stop)));

    private async Task WorkAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using (await pause.EnterAsync())
            {
                await StepAsync(random);
            }
            await Task.Delay(random.Next(20, 300), CancellationToken.None);
        }
    }

    private async Task StepAsync(Random random)
    {
        var roll = random.Next(100);
        if (roll < 55)
        {
            // Maker: post-only, away from the middle.
            await SendMakerAsync(random);
        }
        else if (roll < 70)
        {
            // Taker: IOC across the range (bob's resting orders, or her own: self-trade prevention decides).
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var quantity = Quantity.FromSatoshis(random.Next(1, 31) * 1_000_000L);
            Interlocked.Increment(ref _ordersSent);
            await timer.TimeAsync("alice", "order", () => alice.SendOrderAsync(
                NewOrder.Limit(Symbol, side, quantity, Price.FromSatoshis((side == Side.Buy ? 625 : 575) * Coin)) with { TimeInForce = TimeInForce.ImmediateOrCancel }));
        }
        else if (roll < 88)
        {
            var open = alice.Orders.Open;
            if (open.Count > 0)
            {
                var victim = open.ElementAt(random.Next(open.Count));
                await timer.TimeAsync("alice", "cancel", () => alice.CancelOrderAsync(victim.OrderID));
            }
        }
        else if (roll < 93)
        {
            await timer.TimeAsync("alice", "balances", () => alice.GetBalancesAsync());
        }
        else if (roll < 96)
        {
            await timer.TimeAsync("alice", "orders-list", ListOpenOrdersAsync);
        }
        else if (roll < 97)
        {
            await timer.TimeAsync("alice", "cancel-all", async () =>
            {
                await alice.CancelAllOrdersAsync();
                return 0;
            });
        }
        else if (roll < 99)
        {
            // A burst above the rate limit: the client must pace it.
            await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => SendMakerAsync(random)).ToList());
        }
        else
        {
            await timer.TimeAsync("alice", "ping", () => alice.PingAsync());
        }
    }

    private Task<ExecutionReport?> SendMakerAsync(Random random)
    {
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var price = side == Side.Buy ? 590 + random.Next(10) : 601 + random.Next(10);
        var quantity = Quantity.FromSatoshis(random.Next(1, 51) * 1_000_000L);
        Interlocked.Increment(ref _ordersSent);
        return timer.TimeAsync("alice", "order", () => alice.SendOrderAsync(
            NewOrder.Limit(Symbol, side, quantity, Price.FromSatoshis(price * Coin)) with { PostOnly = true }));
    }

    /// <summary>Pages through the open orders. Each page is a request of its own, so each is timed on its own too
    /// (the list as a whole may take as long as its pages do).</summary>
    private async Task<int> ListOpenOrdersAsync()
    {
        var count = 0;
        await using var pages = alice.GetOrdersAsync(OrderListFilter.Open, pageSize: 20).GetAsyncEnumerator();
        while (true)
        {
            var watch = Stopwatch.StartNew();
            bool more;
            try
            {
                more = await pages.MoveNextAsync();
            }
            catch (Exception e)
            {
                timer.Record("alice", "page", watch.Elapsed, e.GetType().Name);
                throw;
            }
            // A page boundary is every 20th entry; the entries between come from the page already read.
            if (count % 20 == 0)
            {
                timer.Record("alice", "page", watch.Elapsed, "ok");
            }
            if (!more)
            {
                return count;
            }
            count++;
        }
    }
}
