using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.NetworkSoak.MarketData;
using static BlinkTrade.NetworkSoak.Trading.TradingPrices;

namespace BlinkTrade.NetworkSoak.Trading;

/// <summary>bob, directly on the exchange: IOC orders across alice's whole range every 80–250 ms, so her orders fill
/// while her link is down (the fills she must not lose or see twice), and resting liquidity for her IOC takes.</summary>
internal sealed class BobWorkload(BlinkTradeClient bob, RequestTimer timer, int seed, MarketPause pause)
{
    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(seed * 7);
        while (!stop.IsCancellationRequested)
        {
            using (await pause.EnterAsync())
            {
                await StepAsync(random);
            }
            await Task.Delay(random.Next(80, 250), CancellationToken.None);
        }
    }

    private async Task StepAsync(Random random)
    {
        var roll = random.Next(100);
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        if (roll < 60)
        {
            // Takes alice's resting orders (bob's own far levels are left alone by self-trade prevention).
            var quantity = Quantity.FromSatoshis(random.Next(1, 41) * 1_000_000L);
            await timer.TimeAsync("bob", "order", () => bob.SendOrderAsync(
                NewOrder.Limit(Symbol, side, quantity, Price.FromSatoshis((side == Side.Buy ? 612 : 588) * Coin)) with { TimeInForce = TimeInForce.ImmediateOrCancel }));
        }
        else if (roll < 90 || bob.Orders.Open.Count < 10)
        {
            // Resting liquidity for alice's IOCs.
            var price = side == Side.Buy ? 578 + random.Next(10) : 613 + random.Next(10);
            var quantity = Quantity.FromSatoshis(random.Next(1, 51) * 1_000_000L);
            await timer.TimeAsync("bob", "order", () => bob.SendOrderAsync(
                NewOrder.Limit(Symbol, side, quantity, Price.FromSatoshis(price * Coin)) with { PostOnly = true }));
        }
        else
        {
            var open = bob.Orders.Open;
            if (open.Count > 30)
            {
                await timer.TimeAsync("bob", "cancel", () => bob.CancelOrderAsync(open.ElementAt(random.Next(open.Count)).OrderID));
            }
        }
    }
}
