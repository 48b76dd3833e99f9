using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.Testing.Scenarios;

/// <summary>
/// Describes a test scenario fluently: brokers and their fees, instruments, users with balances and a resting book.
/// <see cref="StartAsync"/> builds it on a fresh exchange (<see cref="ReferenceExchangeOptions.ForTests"/>) and logs
/// the connected users in. Amounts are plain decimals in whole units (600 USD, 0.5 BTC).
/// </summary>
public sealed class ScenarioBuilder
{
    /// <summary>The user that owns the orders of <see cref="Book"/>: funded with exactly what its orders lock (plus
    /// fee headroom) and connected, so <c>scenario.Client(ScenarioBuilder.MarketMaker)</c> can trade on.</summary>
    public const string MarketMaker = "market-maker";

    private readonly FakeTimeProvider _clock;
    private readonly List<(int Id, string Name, int MakerFeeBps, int TakerFeeBps)> _brokers = [];
    private readonly List<(string Symbol, string Base, string Quote, decimal TickSize, decimal MinQty)> _instruments = [];
    private readonly List<(string Username, int? BrokerId, bool Connect, (string Currency, decimal Amount)[] Balances)> _users = [];
    private readonly List<(string Symbol, Side Side, decimal Price, decimal Quantity)> _book = [];
    private Func<ReferenceExchangeOptions, ReferenceExchangeOptions>? _configure;

    internal ScenarioBuilder(FakeTimeProvider clock) => _clock = clock;

    /// <summary>Adds a broker (the first one is every user's default; broker 5 without fees when none is added).</summary>
    /// <param name="brokerId">The broker id.</param>
    /// <param name="makerFeeBps">The maker fee in basis points.</param>
    /// <param name="takerFeeBps">The taker fee in basis points.</param>
    /// <param name="name">The short name; <c>broker{id}</c> when null.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Broker(int brokerId, int makerFeeBps = 0, int takerFeeBps = 0, string? name = null)
    {
        _brokers.Add((brokerId, name ?? $"broker{brokerId}", makerFeeBps, takerFeeBps));
        return this;
    }

    /// <summary>Adds an instrument.</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSD</c>.</param>
    /// <param name="baseCurrency">The quantity currency.</param>
    /// <param name="quoteCurrency">The price currency.</param>
    /// <param name="tickSize">The price granularity (whole cents by default).</param>
    /// <param name="minQty">The smallest order quantity (0.0001 by default).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Instrument(string symbol, string baseCurrency, string quoteCurrency, decimal tickSize = 0.01m, decimal minQty = 0.0001m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        _instruments.Add((symbol, baseCurrency, quoteCurrency, tickSize, minQty));
        return this;
    }

    /// <summary>Adds a user of the first broker, funded with <paramref name="balances"/> and logged in on start.</summary>
    /// <param name="username">The username (its password is the scenario's business).</param>
    /// <param name="balances">Balances in whole units, e.g. <c>("USD", 1_000), ("BTC", 0.5m)</c>.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder User(string username, params (string Currency, decimal Amount)[] balances) => User(username, brokerId: null, connect: true, balances);

    /// <summary>Adds a user.</summary>
    /// <param name="username">The username.</param>
    /// <param name="brokerId">The broker; the first one when null.</param>
    /// <param name="connect">Whether the scenario logs a client in for the user on start.</param>
    /// <param name="balances">Balances in whole units.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder User(string username, int? brokerId, bool connect, params (string Currency, decimal Amount)[] balances)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentNullException.ThrowIfNull(balances);
        _users.Add((username, brokerId, connect, balances));
        return this;
    }

    /// <summary>Rests limit orders of <see cref="MarketMaker"/> on a book, e.g. <c>asks: [(600, 1), (601, 2)], bids: [(599, 1)]</c>.</summary>
    /// <param name="symbol">The instrument.</param>
    /// <param name="asks">Offers as (price, quantity), placed in this order.</param>
    /// <param name="bids">Bids as (price, quantity), placed after the offers.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Book(string symbol, IReadOnlyList<(decimal Price, decimal Quantity)>? asks = null, IReadOnlyList<(decimal Price, decimal Quantity)>? bids = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        _book.AddRange((asks ?? []).Select(level => (symbol, Side.Sell, level.Price, level.Quantity)));
        _book.AddRange((bids ?? []).Select(level => (symbol, Side.Buy, level.Price, level.Quantity)));
        return this;
    }

    /// <summary>Rests the book a tape's market data left for a symbol (its last full refresh with the incremental
    /// refreshes after it applied), as <see cref="MarketMaker"/>'s orders: a recorded market, replayed into a live exchange.</summary>
    /// <param name="tape">A tape whose client subscribed to the symbol's book.</param>
    /// <param name="symbol">The instrument (declare it with <see cref="Instrument"/>).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The tape has no full refresh of the symbol.</exception>
    public ScenarioBuilder BookFromTape(Tapes.SessionTape tape, string symbol)
    {
        ArgumentNullException.ThrowIfNull(tape);
        var (asks, bids) = Tapes.TapeMarketData.BookOf(tape, symbol) ?? throw new ArgumentException($"The tape has no market data full refresh of {symbol}.", nameof(tape));
        return Book(symbol, asks, bids);
    }

    /// <summary>Changes the exchange options after <see cref="ReferenceExchangeOptions.ForTests"/> (e.g. a message-rate limit).</summary>
    /// <param name="configure">Returns the options to use, typically <c>o =&gt; o with { … }</c>.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder WithOptions(Func<ReferenceExchangeOptions, ReferenceExchangeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _configure = configure;
        return this;
    }

    /// <summary>Starts the exchange, creates everything described, rests the book and logs the connected users in,
    /// then runs until idle.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running scenario; dispose it to stop everything.</returns>
    public async Task<ExchangeScenario> StartAsync(CancellationToken cancellationToken = default)
    {
        var options = ReferenceExchangeOptions.ForTests(_clock);
        var exchange = await ReferenceExchange.StartAsync(_configure?.Invoke(options) ?? options, cancellationToken).ConfigureAwait(false);
        var userIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var scenario = new ExchangeScenario(exchange, _clock, userIds, PasswordOf);
        try
        {
            await CreateAsync(exchange, userIds, cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(_users.Where(user => user.Connect).Select(user => scenario.ConnectAsync(user.Username, cancellationToken: cancellationToken))).ConfigureAwait(false);
            if (_book.Count > 0)
            {
                var maker = await scenario.ConnectAsync(MarketMaker, cancellationToken: cancellationToken).ConfigureAwait(false);
                foreach (var (symbol, side, price, quantity) in _book)
                {
                    var report = await maker.SendOrderAsync(NewOrder.Limit(symbol, side, Quantity.FromDecimal(quantity), Price.FromDecimal(price)), cancellationToken).ConfigureAwait(false);
                    if (report.OrdStatus != OrdStatus.New)
                    {
                        throw new InvalidOperationException($"The book order {side} {quantity} {symbol} at {price} did not rest: {report.OrdStatus} {report.OrdRejReason}.");
                    }
                }
            }
            await scenario.RunUntilIdleAsync(cancellationToken).ConfigureAwait(false);
            return scenario;
        }
        catch
        {
            await scenario.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Known to the scenario only: tests log in through ExchangeScenario.ConnectAsync.
    private static string PasswordOf(string username) => username + "-scenario-pw";

    private async Task CreateAsync(ReferenceExchange exchange, Dictionary<string, int> userIds, CancellationToken cancellationToken)
    {
        var brokers = _brokers.Count > 0 ? _brokers : [(5, "exchange", 0, 0)];
        foreach (var (id, name, maker, taker) in brokers)
        {
            await exchange.CreateBrokerAsync(id, name, maker, taker, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        foreach (var (symbol, baseCurrency, quoteCurrency, tick, min) in _instruments)
        {
            await exchange.CreateInstrumentAsync(symbol, baseCurrency, quoteCurrency, Amount.FromDecimal(tick), Amount.FromDecimal(min), cancellationToken).ConfigureAwait(false);
        }
        var users = _users.ToList();
        if (_book.Count > 0)
        {
            users.Add((MarketMaker, null, false, MakerFunding(brokers.Max(broker => Math.Max(broker.Item3, broker.Item4)))));
        }
        foreach (var (username, brokerId, _, balances) in users)
        {
            var userId = await exchange.CreateUserAsync(username, PasswordOf(username), brokerId ?? brokers[0].Item1, cancellationToken: cancellationToken).ConfigureAwait(false);
            userIds[username] = userId;
            foreach (var (currency, amount) in balances.Where(balance => balance.Amount > 0))
            {
                await exchange.CreditAsync(userId, currency, Amount.FromDecimal(amount), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // What the book's orders lock: the base currency of every offer, the quote cost of every bid (plus the largest fee).
    private (string Currency, decimal Amount)[] MakerFunding(int feeBps)
    {
        var funding = new Dictionary<string, decimal>();
        foreach (var (symbol, side, price, quantity) in _book)
        {
            var instrument = _instruments.FirstOrDefault(i => i.Symbol == symbol);
            if (instrument.Symbol is null)
            {
                throw new InvalidOperationException($"The book names {symbol}, which is not an instrument of the scenario.");
            }
            var (currency, amount) = side == Side.Sell ? (instrument.Base, quantity) : (instrument.Quote, price * quantity * (1 + feeBps / 10_000m));
            funding[currency] = funding.GetValueOrDefault(currency) + amount;
        }
        return [.. funding.Select(pair => (pair.Key, decimal.Round(pair.Value, 8, MidpointRounding.ToPositiveInfinity)))];
    }
}
