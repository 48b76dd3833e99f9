namespace BlinkTrade.ApiKeys;

/// <summary>
/// What <see cref="BlinkTradeRestClient"/> and <see cref="BlinkTradeMarketDataClient"/> share: the disposal of the HTTP
/// handler chain a client built for itself. A client created on an <see cref="HttpClient"/> (directly or by
/// <c>AddBlinkTradeRest</c> / <c>AddBlinkTradeMarketData</c>) leaves that client to its owner; a transport handler
/// passed in by the caller is never disposed.
/// </summary>
public abstract class BlinkTradeRestClientBase : IDisposable
{
    private readonly HttpClient? _ownedHttp;
    private int _disposed;

    // For mocking, or on an HttpClient the caller owns.
    private protected BlinkTradeRestClientBase()
    {
    }

    // On an HttpClient this client built and therefore disposes.
    private protected BlinkTradeRestClientBase(HttpClient ownedHttp)
    {
        _ownedHttp = ownedHttp;
    }

    // The HttpClient this client built (null on a caller's HttpClient and for mocks).
    private protected HttpClient? OwnedHttp => _ownedHttp;

    /// <summary>Releases the HTTP handler chain this client built for itself; further calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what this client owns.</summary>
    /// <param name="disposing"><see langword="true"/> from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ownedHttp?.Dispose();
        }
    }

    // The Refit client of a live, non-mock instance.
    private protected T Live<T>(T? api)
        where T : class
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return api ?? throw new InvalidOperationException("This instance was created for mocking.");
    }
}
