using System.Security.Cryptography;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.Simulation;
using BlinkTrade.Testing;

namespace BlinkTrade.Quickstart.Embedded;

/// <summary>
/// The sample's own exchange: a <see cref="ReferenceExchange"/> served on a loopback Kestrel WebSocket (so the
/// quickstart's client takes exactly the path it would take to a remote server), a broker, one instrument, a funded
/// user for you, and funded simulated traders that make a market in it.
/// </summary>
internal sealed class EmbeddedExchange : IAsyncDisposable
{
    /// <summary>The broker id of the embedded exchange.</summary>
    public const int BrokerId = QuickstartOptions.DefaultBrokerId;

    /// <summary>Your username on the embedded exchange.</summary>
    public const string Username = "quickstart";

    /// <summary>The price increment of the instrument (one cent).</summary>
    public const decimal Tick = 0.01m;


    private readonly ReferenceExchange _exchange;
    private readonly List<BlinkTradeClient> _traderClients;

    private EmbeddedExchange(ReferenceExchange exchange, BlinkTradeCredentials credentials, List<BlinkTradeClient> traderClients, MarketSimulator simulator)
    {
        _exchange = exchange;
        Credentials = credentials;
        _traderClients = traderClients;
        Simulator = simulator;
    }

    /// <summary>Where the quickstart's client connects (<c>ws://127.0.0.1:port/trade/</c>).</summary>
    public Uri WebSocketUri => _exchange.WebSocketUri!;

    /// <summary>Your login. The password is random and never shown (it is a <see cref="Client.Protocol.SecretString"/>).</summary>
    public BlinkTradeCredentials Credentials { get; }

    /// <summary>The simulated traders; run them with <see cref="MarketSimulator.RunAsync"/>.</summary>
    public MarketSimulator Simulator { get; }

    /// <summary>Starts the exchange, creates and funds the users, and logs the simulated traders in.</summary>
    /// <param name="symbol">The instrument, six letters (base and quote currency), e.g. <c>BTCUSD</c>.</param>
    /// <param name="seed">The seed of the simulated traders' random choices.</param>
    /// <param name="onProblem">Where the simulated traders report a failed action.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running exchange; dispose it to stop everything.</returns>
    public static async Task<EmbeddedExchange> StartAsync(string symbol, int seed, Action<string> onProblem, CancellationToken cancellationToken)
    {
        var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            EnableWebSocketServer = true,
            WebSocketPort = 0, // any free loopback port
            // A local demo: cheap password hashing keeps the start instant, and the market makers may send more
            // than a real server's 15 messages per second.
            PasswordHashIterations = 1_000,
            MaxMessagesPerSecond = 0,
        }, cancellationToken);
        var traderClients = new List<BlinkTradeClient>();
        try
        {
            // The control API plays the operator: a broker with maker/taker fees, an instrument priced in cents.
            await exchange.CreateBrokerAsync(BrokerId, "exchange", makerFeeBps: 10, takerFeeBps: 20, cancellationToken: cancellationToken);
            await exchange.CreateInstrumentAsync(symbol, symbol[..3], symbol[3..], tickSize: Amount.FromDecimal(Tick), minQty: Amount.FromDecimal(0.0001m), cancellationToken: cancellationToken);

            // You: 2 BTC and 5,000 USD. Nobody needs to know the password, so it is random and stays in memory.
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            await CreateFundedUserAsync(exchange, Username, password, baseUnits: 2, quoteUnits: 5_000, symbol, cancellationToken);
            var credentials = BlinkTradeCredentials.FromPassword(Username, password);

            // The simulated traders use the in-memory transport: they are part of the exchange's scenery, not the demo.
            // One seed drives everything: it seeds a generator of the traders' own seeds (neighbouring seeds such as
            // 42 and 43 would give System.Random correlated sequences: two takers selling in lockstep).
            var seeds = new Random(seed);
            var mid = new MidPriceWalk(MarketSimulator.AnchorPrice, volatility: 0.06m, reversion: 0.002m, new Random(seeds.Next()));
            var traders = new List<SimulatedTrader>();
            foreach (var profile in MarketSimulator.DefaultMakers)
            {
                var client = await ConnectTraderAsync(exchange, profile.Name, symbol, traderClients, cancellationToken);
                traders.Add(new MarketMaker(client, symbol, profile, mid, Tick, new Random(seeds.Next()), TimeProvider.System, onProblem));
            }
            foreach (var profile in MarketSimulator.DefaultTakers)
            {
                var client = await ConnectTraderAsync(exchange, profile.Name, symbol, traderClients, cancellationToken);
                traders.Add(new Taker(client, symbol, profile, mid, Tick, new Random(seeds.Next()), TimeProvider.System, onProblem));
            }
            return new EmbeddedExchange(exchange, credentials, traderClients, new MarketSimulator(mid, traders, TimeProvider.System));
        }
        catch
        {
            await DisposeAllAsync(exchange, traderClients);
            throw;
        }
    }

    /// <summary>Logs the simulated traders out and stops the exchange.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public ValueTask DisposeAsync() => DisposeAllAsync(_exchange, _traderClients);

    private static async ValueTask DisposeAllAsync(ReferenceExchange exchange, List<BlinkTradeClient> traderClients)
    {
        // Clients first: a session whose server vanished first would start reconnecting.
        foreach (var client in traderClients)
        {
            await client.DisposeAsync();
        }
        await exchange.DisposeAsync();
    }

    private static async Task<BlinkTradeClient> ConnectTraderAsync(ReferenceExchange exchange, string username, string symbol,
        List<BlinkTradeClient> traderClients, CancellationToken cancellationToken)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        // Deep pockets: the traders must be able to keep the market going for hours.
        await CreateFundedUserAsync(exchange, username, password, baseUnits: 1_000, quoteUnits: 1_000_000, symbol, cancellationToken);
        var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Transport = exchange.CreateInMemoryTransport(),
            BrokerId = BrokerId,
            Credentials = BlinkTradeCredentials.FromPassword(username, password),
            // The client's default (30 s): on a loaded 2-core machine a login or an order can take seconds, and the
            // traders must not give up (or report problems) where nothing is wrong.
            // The embedded exchange has no rate limit (MaxMessagesPerSecond = 0), so the simulated traders need no pacing.
            Pacing = new PacingOptions { Enabled = false },
        });
        traderClients.Add(client);
        await client.ConnectAsync(cancellationToken);
        return client;
    }

    private static async Task CreateFundedUserAsync(ReferenceExchange exchange, string username, string password, long baseUnits, long quoteUnits,
        string symbol, CancellationToken cancellationToken)
    {
        var userId = await exchange.CreateUserAsync(username, password, BrokerId, cancellationToken: cancellationToken);
        // Amounts on the control API are the client's Amount (1e8-scaled on the wire, fiat included).
        await exchange.CreditAsync(userId, symbol[..3], Amount.FromDecimal(baseUnits), cancellationToken);
        await exchange.CreditAsync(userId, symbol[3..], Amount.FromDecimal(quoteUnits), cancellationToken);
    }
}
