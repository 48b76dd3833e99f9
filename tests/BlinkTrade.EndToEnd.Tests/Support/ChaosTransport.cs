using BlinkTrade.Client.Transport;

namespace BlinkTrade.EndToEnd.Tests.Support;

/// <summary>
/// A fault layer over a real transport: resets the current connection, stalls it, and refuses new connections
/// until a time on the given clock — the faults a flaky network (or a TCP proxy that resets) inflicts on a client.
/// </summary>
internal sealed class ChaosTransport(IBlinkTradeTransport inner, TimeProvider time) : IBlinkTradeTransport
{
    private ChaosConnection? _current;
    private long _refuseUntilTicks;
    private int _resets;
    private int _stalls;
    private int _refused;

    public int Resets => Volatile.Read(ref _resets);

    public int Stalls => Volatile.Read(ref _stalls);

    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Whether the latest connection is open.</summary>
    public bool IsConnected => Volatile.Read(ref _current) is { IsOpen: true };

    /// <summary>Whether connection attempts are refused now.</summary>
    public bool IsRefusing => time.GetUtcNow().UtcTicks < Interlocked.Read(ref _refuseUntilTicks);

    public async ValueTask<IBlinkTradeConnection> ConnectAsync(Uri? endpoint, CancellationToken cancellationToken)
    {
        if (IsRefusing)
        {
            Interlocked.Increment(ref _refused);
            throw new ConnectionClosedException("chaos: connection refused");
        }
        var connection = new ChaosConnection(await inner.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false));
        Volatile.Write(ref _current, connection);
        return connection;
    }

    /// <summary>Resets the current connection (if one is open) and refuses reconnects for <paramref name="refuseFor"/>.</summary>
    /// <returns>Whether a connection was reset.</returns>
    public bool Reset(TimeSpan refuseFor)
    {
        if (Volatile.Read(ref _current) is not { IsOpen: true } connection)
        {
            return false;
        }
        Interlocked.Exchange(ref _refuseUntilTicks, (time.GetUtcNow() + refuseFor).UtcTicks);
        connection.Abort();
        Interlocked.Increment(ref _resets);
        return true;
    }

    /// <summary>Stalls the current connection's inbound frames.</summary>
    /// <returns>Whether a connection was stalled.</returns>
    public bool Stall()
    {
        if (Volatile.Read(ref _current) is not { IsOpen: true } connection)
        {
            return false;
        }
        connection.Stall();
        Interlocked.Increment(ref _stalls);
        return true;
    }

    /// <summary>Holds the current connection's outbound frames back (the path to the server freezes).</summary>
    /// <returns>Whether a connection was frozen.</returns>
    public bool HoldOutbound()
    {
        if (Volatile.Read(ref _current) is not { IsOpen: true } connection)
        {
            return false;
        }
        connection.HoldOutbound();
        return true;
    }

    /// <summary>Outbound frames the current connection holds back.</summary>
    public int HeldOutbound => Volatile.Read(ref _current)?.HeldOutbound ?? 0;

    /// <summary>The path recovers: everything held back reaches the server at once, in order.</summary>
    public Task ReleaseOutboundAsync(CancellationToken cancellationToken)
        => Volatile.Read(ref _current)?.ReleaseOutboundAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>Ends every fault: releases a stall and accepts connections again.</summary>
    public void Calm()
    {
        Interlocked.Exchange(ref _refuseUntilTicks, 0);
        Volatile.Read(ref _current)?.Release();
    }
}
