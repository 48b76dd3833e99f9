using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Quickstart.Simulation;

/// <summary>
/// A taker: every so often buys or sells a random size, mostly with market orders and sometimes with an
/// immediate-or-cancel limit order a little through the mid (which may fill only partly, or not at all).
/// </summary>
internal sealed class Taker : SimulatedTrader
{
    private readonly TakerProfile _profile;
    private readonly MidPriceWalk _mid;
    private readonly decimal _tick;

    /// <summary>Creates a taker.</summary>
    /// <param name="client">The taker's logged-in session.</param>
    /// <param name="symbol">The instrument.</param>
    /// <param name="profile">How it trades.</param>
    /// <param name="mid">The mid price (for its IOC limit prices).</param>
    /// <param name="tick">The instrument's price increment.</param>
    /// <param name="random">Its random source.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="onProblem">Where to report a failed action.</param>
    public Taker(IBlinkTradeClient client, string symbol, TakerProfile profile, MidPriceWalk mid, decimal tick, Random random,
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
        var side = Random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var quantity = RandomSize(_profile.MinSize, _profile.MaxSize);
        NewOrder order;
        if (Random.NextDouble() < 0.7)
        {
            order = NewOrder.Market(Symbol, side, quantity);
        }
        else
        {
            var through = Math.Round((decimal)Random.NextDouble() * 0.5m / _tick) * _tick;
            var limit = side == Side.Buy ? Math.Ceiling(_mid.Current / _tick) * _tick + through : Math.Floor(_mid.Current / _tick) * _tick - through;
            order = NewOrder.Limit(Symbol, side, quantity, Price.FromDecimal(limit)) with { TimeInForce = TimeInForce.ImmediateOrCancel };
        }
        await Client.SendOrderAsync(order, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Give the makers a moment to quote: a market order on an empty book would only be cancelled.</remarks>
    protected override TimeSpan FirstPause => TimeSpan.FromMilliseconds(300) + NextPause();

    /// <inheritdoc />
    protected override TimeSpan NextPause() => RandomPause(_profile.MinInterval, _profile.MaxInterval);
}
