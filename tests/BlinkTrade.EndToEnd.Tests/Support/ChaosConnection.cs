using System.Buffers;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.EndToEnd.Tests.Support;

/// <summary>
/// A client connection under a fault layer: <see cref="Stall"/> holds every inbound frame back (as a frozen network
/// path would) until <see cref="Release"/>, <see cref="HoldOutbound"/> holds every outbound frame back until
/// <see cref="ReleaseOutboundAsync"/> delivers them all at once (a path to the server that freezes and recovers, or a
/// buffering proxy), and <see cref="Abort"/> resets it — frames held by a stall are then lost.
/// </summary>
internal sealed class ChaosConnection(IBlinkTradeConnection inner) : IBlinkTradeConnection
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly List<byte[]> _heldOutbound = [];
    private TaskCompletionSource? _stall;
    private bool _holdingOutbound;
    private volatile bool _aborted;

    public string RemoteDescription => "chaos:" + inner.RemoteDescription;

    public bool IsOpen => !_aborted && inner.IsOpen;

    public bool IsStalled
    {
        get
        {
            lock (_gate)
            {
                return _stall is not null;
            }
        }
    }

    /// <summary>Outbound frames held back by <see cref="HoldOutbound"/>.</summary>
    public int HeldOutbound
    {
        get
        {
            lock (_gate)
            {
                return _heldOutbound.Count;
            }
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        // One send at a time (the transport's rule), and none overtakes the held frames being released.
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_aborted)
            {
                throw new ConnectionClosedException("chaos: the connection was reset");
            }
            lock (_gate)
            {
                if (_holdingOutbound)
                {
                    _heldOutbound.Add(frame.ToArray()); // sent, as far as the client can tell
                    return;
                }
            }
            await inner.SendAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Holds outbound frames back until <see cref="ReleaseOutboundAsync"/>.</summary>
    public void HoldOutbound()
    {
        lock (_gate)
        {
            _holdingOutbound = true;
        }
    }

    /// <summary>Delivers the held outbound frames back to back, in order, and lets later ones through.</summary>
    public async Task ReleaseOutboundAsync(CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            byte[][] held;
            lock (_gate)
            {
                held = [.. _heldOutbound];
                _heldOutbound.Clear();
                _holdingOutbound = false;
            }
            foreach (var frame in held)
            {
                await inner.SendAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        // The frame is read first and held afterwards, so a stall that starts while the reader waits still holds
        // the next frame back.
        var held = new ArrayBufferWriter<byte>();
        if (!await inner.ReceiveAsync(held, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        Task? stall;
        lock (_gate)
        {
            stall = _stall?.Task;
        }
        if (stall is not null)
        {
            await stall.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        if (_aborted)
        {
            throw new ConnectionClosedException("chaos: the connection was reset");
        }
        destination.Write(held.WrittenSpan);
        return true;
    }

    public ValueTask CloseAsync(string? reason, CancellationToken cancellationToken) => inner.CloseAsync(reason, cancellationToken);

    /// <summary>Holds inbound frames back until <see cref="Release"/> or <see cref="Abort"/>.</summary>
    public void Stall()
    {
        lock (_gate)
        {
            _stall ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets the held frames through, in order.</summary>
    public void Release()
    {
        TaskCompletionSource? stall;
        lock (_gate)
        {
            stall = _stall;
            _stall = null;
        }
        stall?.TrySetResult();
    }

    /// <summary>Resets the connection: the peer sees it drop; held frames are lost.</summary>
    public void Abort()
    {
        _aborted = true;
        inner.Abort();
        Release();
    }

    public ValueTask DisposeAsync()
    {
        Abort();
        return inner.DisposeAsync();
    }
}
