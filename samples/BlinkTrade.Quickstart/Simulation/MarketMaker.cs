using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Quickstart.Simulation;

/// <summary>
/// A market maker: keeps a ladder of limit orders on both sides of the mid price and moves it as the mid drifts.
/// Each re-quote cancels only the orders no longer on the ladder and fills the gaps, like a real maker minimising
/// message traffic; now and then it also refreshes one random level so the book keeps moving.
/// </summary>
internal sealed class MarketMaker : SimulatedTrader
{
    private readonly MakerProfile _profile;
    private readonly MidPriceWalk _mid;
    private readonly decimal _tick;

    /// <summary>Creates a maker.</summary>
    /// <param name="client">The maker's logged-in session.</param>
    /// <param name="symbol">The instrument.</param>
    /// <param name="profile">How it quotes.</param>
    /// <param name="mid">The mid price it quotes around.</param>
    /// <param name="tick">The instrument's price increment.</param>
    /// <param name="random">Its random source.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="onProblem">Where to report a failed action.</param>
    public MarketMaker(IBlinkTradeClient client, string symbol, MakerProfile profile, MidPriceWalk mid, decimal tick, Random random,
        TimeProvider timeProvider, Action<string> onProblem)
        : base(client, symbol, random, timeProvider, onProblem)
    {
        _profile = profile;
        _mid = mid;
        _tick = tick;
    }

    /// <inheritdoc />
    protected override async Task ActAsync(CancellationToken cancellationToken)
    {
        var ladder = QuoteLadder.Build(_mid.Current, _profile.HalfSpread, _profile.Step, _profile.Levels, _tick);
        // The client's order tracker already knows every order this session placed and every fill a taker caused.
        var resting = Client.Orders.Open.Where(o => o.Symbol == Symbol && o.ClOrdID is not null).ToList();

        // Cancel first, place second: the new ladder must never cross one of our own stale orders.
        var refresh = resting.Count > 0 && Random.NextDouble() < 0.5 ? resting[Random.Next(resting.Count)] : null;
        foreach (var order in resting)
        {
            var wanted = order.Side == Side.Buy ? ladder.Bids : ladder.Asks;
            if (order == refresh || !wanted.Contains(order.Price))
            {
                await CancelAsync(order, cancellationToken);
            }
        }

        var stillResting = Client.Orders.Open.Where(o => o.Symbol == Symbol).Select(o => (o.Side, o.Price)).ToHashSet();
        foreach (var (side, prices) in new[] { (Side.Buy, ladder.Bids), (Side.Sell, ladder.Asks) })
        {
            foreach (var price in prices.Where(p => !stillResting.Contains((side, p))))
            {
                // A reject (e.g. not enough funds) is returned, not thrown: the next re-quote simply tries again.
                await Client.SendOrderAsync(NewOrder.Limit(Symbol, side, RandomSize(_profile.MinSize, _profile.MaxSize), price), cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    protected override TimeSpan NextPause() => RandomPause(_profile.RequoteInterval * 0.5, _profile.RequoteInterval * 1.5);

    private async Task CancelAsync(ExecutionReport order, CancellationToken cancellationToken)
    {
        try
        {
            await Client.CancelOrderAsync(order.ClOrdID!, cancellationToken);
        }
        catch (BlinkTradeErrorException)
        {
            // Filled by a taker between our look at the tracker and the cancel: "Order not found" is expected.
        }
    }
}
