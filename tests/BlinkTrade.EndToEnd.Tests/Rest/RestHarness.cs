using BlinkTrade.ApiKeys;
using BlinkTrade.Client.Protocol;
using BlinkTrade.EndToEnd.Tests.Support;
using BlinkTrade.Testing;

namespace BlinkTrade.EndToEnd.Tests.Rest;

/// <summary>
/// REST clients reaching the harness's exchange over the same kind of transport as its sessions: the in-memory HTTP
/// handler for <see cref="TransportKind.InMemory"/>, the Kestrel host over loopback TCP for <see cref="TransportKind.WebSocket"/>.
/// </summary>
internal static class RestHarness
{
    private static readonly Uri InMemoryBase = new("http://localhost/");

    /// <summary>The base address and transport handler (null: a real socket) for requests coming from <paramref name="clientIp"/>.</summary>
    public static async Task<(Uri Endpoint, HttpMessageHandler? Transport)> TransportAsync(E2EHarness h, string clientIp, CancellationToken cancellationToken) =>
        h.Kind == TransportKind.WebSocket
            ? (h.Exchange.HttpBaseAddress!, null)
            : (InMemoryBase, await h.Exchange.CreateInMemoryHttpHandlerAsync(clientIp, cancellationToken));

    /// <summary>A trade client signing with <paramref name="key"/>; no retries unless <paramref name="configure"/> sets them, so every refusal surfaces.</summary>
    public static async Task<BlinkTradeRestClient> TradeClientAsync(E2EHarness h, SeedApiKey key, CancellationToken cancellationToken, string clientIp = "127.0.0.1",
        Action<BlinkTradeRestOptions>? configure = null, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        var (endpoint, transport) = await TransportAsync(h, clientIp, cancellationToken);
        var options = new BlinkTradeRestOptions
        {
            Endpoint = endpoint,
            Credential = new ApiKeysCredential(key.ApiKey, key.SecretKey),
            MaxRetries = 0,
            AttemptTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        var inner = transport ?? new SocketsHttpHandler();
        return new BlinkTradeRestClient(options, wrap is null ? inner : wrap(inner));
    }

    /// <summary>A limit order of the harness's symbol and broker, as a REST caller writes it.</summary>
    public static NewOrderSingle Limit(Side side, decimal price, decimal quantity = 0.1m) => new()
    {
        Symbol = E2EHarness.Symbol,
        Side = side,
        OrdType = OrdType.Limit,
        Price = Price.FromDecimal(price),
        OrderQty = Quantity.FromDecimal(quantity),
        BrokerID = E2EHarness.BrokerId,
    };

    /// <summary>A public market-data client.</summary>
    public static async Task<BlinkTradeMarketDataClient> MarketDataClientAsync(E2EHarness h, CancellationToken cancellationToken)
    {
        var (endpoint, transport) = await TransportAsync(h, "127.0.0.1", cancellationToken);
        return new BlinkTradeMarketDataClient(new BlinkTradeRestOptions { Endpoint = endpoint, MaxRetries = 0 }, transport);
    }

    /// <summary>A plain HttpClient on the same transport, for requests the SDK would never send (bad signatures, reused nonces).</summary>
    public static async Task<HttpClient> RawClientAsync(E2EHarness h, CancellationToken cancellationToken, string clientIp = "127.0.0.1")
    {
        var (endpoint, transport) = await TransportAsync(h, clientIp, cancellationToken);
        return new HttpClient(transport ?? new SocketsHttpHandler()) { BaseAddress = endpoint };
    }
}
