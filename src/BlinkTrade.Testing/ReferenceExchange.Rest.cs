using BlinkTrade.Testing.Hosting.Tapi;

namespace BlinkTrade.Testing;

/// <content>The REST endpoints in memory: the trade endpoint, public market data and API-key management without sockets.</content>
public sealed partial class ReferenceExchange
{
    private readonly SemaphoreSlim _httpHostGate = new(1, 1);
    private InMemoryExchangeHttpHost? _inMemoryHttp;

    /// <summary>
    /// An HTTP handler that reaches this exchange's REST endpoints in memory (no sockets): <c>POST /tapi/v1/message</c>,
    /// the public <c>GET /api/v1/&lt;QUOTE&gt;/{ticker|orderbook|trades}</c> and the API-key endpoints. Use it as the
    /// transport of a REST client, with any base address (e.g. <c>http://localhost/</c>). The in-memory server starts
    /// on first use and stops with the exchange.
    /// </summary>
    /// <param name="clientIp">The address requests appear to come from (checked against API-key IP whitelists).</param>
    /// <param name="cancellationToken">Cancels the start of the in-memory server.</param>
    /// <returns>The handler; dispose it when done.</returns>
    public async Task<HttpMessageHandler> CreateInMemoryHttpHandlerAsync(string clientIp = "127.0.0.1", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientIp);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _httpHostGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _inMemoryHttp ??= await InMemoryExchangeHttpHost.StartAsync(_runtime, cancellationToken).ConfigureAwait(false);
            return _inMemoryHttp.CreateHandler(clientIp);
        }
        finally
        {
            _httpHostGate.Release();
        }
    }

    private async ValueTask DisposeInMemoryHttpAsync()
    {
        if (Interlocked.Exchange(ref _inMemoryHttp, null) is { } host)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }
}
