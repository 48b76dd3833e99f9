using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.RestSoak.Bot;

/// <summary>bob, on a WebSocket session straight to the exchange: IOC orders across alice's range every 100–300 ms,
/// so her resting orders fill — also while her calls are lost in the proxy, which is what the recovered states are
/// checked against.</summary>
internal sealed class BobTaker(BlinkTradeClient bob, SoakLog log, int seed)
{
    public int OrdersSent { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        var random = new Random(seed * 7);
        while (!stop.IsCancellationRequested)
        {
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var quantity = Quantity.FromSatoshis(random.Next(1, 31) * 1_000_000L);
            var price = Price.FromSatoshis((side == Side.Buy ? 612 : 588) * RestBot.Coin);
            try
            {
                await bob.SendOrderAsync(NewOrder.Limit(RestBot.Symbol, side, quantity, price) with { TimeInForce = TimeInForce.ImmediateOrCancel });
                OrdersSent++;
            }
            catch (BlinkTradeException e)
            {
                // bob's link is direct and clean: an error here is worth a line, not a failed run.
                log.Write("bob: " + e.Message, echo: false);
            }
            await Task.Delay(random.Next(100, 300), CancellationToken.None);
        }
    }
}
