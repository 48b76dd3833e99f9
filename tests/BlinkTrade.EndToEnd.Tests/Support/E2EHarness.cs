using BlinkTrade.Client;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing;

namespace BlinkTrade.EndToEnd.Tests.Support;

/// <summary>
/// A reference exchange (broker 5 with maker 10 / taker 20 bps, BTCUSD) and real <see cref="BlinkTradeClient"/>s
/// reaching it over the chosen transport. Disposes every client it made, then the exchange.
/// </summary>
internal sealed class E2EHarness : IAsyncDisposable
{
    public const int BrokerId = 5;
    public const string Symbol = "BTCUSD";
    public const int MakerBps = 10;
    public const int TakerBps = 20;
    public const string Password = "secret-pw-1";

    private static readonly Uri InMemoryEndpoint = new("ws://in-memory/trade/");
    private readonly List<BlinkTradeClient> _clients = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _protocolErrors = new();

    private E2EHarness(ReferenceExchange exchange, TransportKind kind)
    {
        Exchange = exchange;
        Kind = kind;
    }

    public ReferenceExchange Exchange { get; }

    public TransportKind Kind { get; }

    public Uri Endpoint => Kind == TransportKind.WebSocket ? Exchange.WebSocketUri! : InMemoryEndpoint;

    public static async Task<E2EHarness> StartAsync(TransportKind kind, CancellationToken cancellationToken, bool webServer = false,
        Func<ReferenceExchangeOptions, ReferenceExchangeOptions>? configure = null)
    {
        var options = new ReferenceExchangeOptions
        {
            PasswordHashIterations = 1,
            MaxMessagesPerSecond = 0,
            SessionQueueCapacity = 1 << 16,
            EnableWebSocketServer = webServer || kind == TransportKind.WebSocket,
        };
        options = configure?.Invoke(options) ?? options;
        var exchange = await ReferenceExchange.StartAsync(options, cancellationToken);
        await exchange.CreateBrokerAsync(BrokerId, "exchange", MakerBps, TakerBps, cancellationToken: cancellationToken);
        await exchange.CreateInstrumentAsync(Symbol, "BTC", "USD", cancellationToken: cancellationToken);
        return new E2EHarness(exchange, kind);
    }

    /// <summary>Creates a user with balances (whole units × 1e8).</summary>
    public async Task<int> CreateUserAsync(string username, long usd = 0, long btc = 0, CancellationToken cancellationToken = default)
    {
        var id = await Exchange.CreateUserAsync(username, Password, BrokerId, cancellationToken: cancellationToken);
        if (usd > 0)
        {
            await Exchange.CreditAsync(id, "USD", new(usd), cancellationToken);
        }
        if (btc > 0)
        {
            await Exchange.CreditAsync(id, "BTC", new(btc), cancellationToken);
        }
        return id;
    }

    /// <summary>Client options over this harness's transport, with fast reconnects.</summary>
    public BlinkTradeClientOptions Options(BlinkTradeCredentials? credentials, string clientIp = "127.0.0.1")
    {
        IBlinkTradeTransport transport = Kind == TransportKind.WebSocket ? new WebSocketTransport() : Exchange.CreateInMemoryTransport(clientIp);
        return new BlinkTradeClientOptions
        {
            Endpoint = Endpoint,
            BrokerId = BrokerId,
            Credentials = credentials,
            Transport = transport,
            RequestTimeout = TimeSpan.FromSeconds(10),
            Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(10) },
            // Paced to the exchange's own limit; most tests turn that limit off, and then the client need not pace.
            Pacing = new PacingOptions { Enabled = Exchange.Options.MaxMessagesPerSecond > 0, MaxMessagesPerSecond = Math.Max(1, Exchange.Options.MaxMessagesPerSecond) },
        };
    }

    /// <summary>A client (not connected) for <paramref name="username"/>; <paramref name="configure"/> may adjust the options.</summary>
    public BlinkTradeClient Client(string username, string password = Password, Action<BlinkTradeClientOptions>? configure = null, string clientIp = "127.0.0.1")
        => Client(BlinkTradeCredentials.FromPassword(username, password), configure, clientIp);

    public BlinkTradeClient Client(BlinkTradeCredentials? credentials, Action<BlinkTradeClientOptions>? configure = null, string clientIp = "127.0.0.1")
    {
        var options = Options(credentials, clientIp);
        configure?.Invoke(options);
        var client = new BlinkTradeClient(options);
        // Every frame the exchange sends must parse with the client's serializer: malformed or unknown ones fail the test.
        client.Errors.Subscribe(e =>
        {
            if (e.Kind is BlinkTrade.Client.Diagnostics.ClientErrorKind.MalformedFrame or BlinkTrade.Client.Diagnostics.ClientErrorKind.UnknownMessage)
            {
                _protocolErrors.Enqueue($"{e.Kind}: {e.Message}");
            }
        });
        lock (_clients)
        {
            _clients.Add(client);
        }
        return client;
    }

    /// <summary>A connected, logged-in client.</summary>
    public async Task<BlinkTradeClient> ConnectAsync(string username, CancellationToken cancellationToken, Action<BlinkTradeClientOptions>? configure = null, string clientIp = "127.0.0.1")
    {
        var client = Client(username, Password, configure, clientIp);
        await client.ConnectAsync(cancellationToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        BlinkTradeClient[] clients;
        lock (_clients)
        {
            clients = [.. _clients];
        }
        foreach (var client in clients)
        {
            try
            {
                await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception)
            {
                // best effort: a client that cannot close must not hide the test's outcome
            }
        }
        await Exchange.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(_protocolErrors.IsEmpty, "The client could not read frames of the exchange: " + string.Join(" | ", _protocolErrors.Take(5)));
    }
}
