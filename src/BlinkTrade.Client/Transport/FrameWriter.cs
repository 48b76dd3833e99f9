using System.Threading.Channels;

namespace BlinkTrade.Client.Transport;

/// <summary>
/// The one writer of a connection, shared by the client session and the exchange session: the transport allows one
/// send at a time, so frames either go out on the caller's thread (nothing queued, no send in flight) or wait in a
/// queue that <see cref="DrainAsync"/> empties in order.
/// </summary>
/// <remarks>
/// <para>Why the direct path: waking the writer costs a thread-pool hop on every request's round trip. It only starts
/// the send: a send the transport cannot finish at once completes in the background holding the send slot, and later
/// frames queue behind it — so the order, the queue bound and the failure handling stay those of the queue.</para>
/// <para>Ordering: both paths take the same send slot and the writer takes it before dequeuing; a direct send checks
/// the queue again under the slot, so a frame queued earlier is either still counted or already being sent by the
/// writer (which then holds the slot).</para>
/// <para>Why the writer waits on its own signal rather than the channel's <c>WaitToReadAsync</c>: a channel wakes its
/// waiting reader on every write, a thread-pool hop per frame. <see cref="TryEnqueue(T, bool)"/> can queue without
/// waking it, and whoever queued sends the frames later with <see cref="SendQueued"/> on its own thread — so the
/// exchange's fan-out of one update to a thousand idle sessions costs a few thread-pool items, not a thousand.</para>
/// </remarks>
/// <typeparam name="T">The queued item.</typeparam>
internal sealed class FrameWriter<T>
{
    private readonly IBlinkTradeConnection _connection;
    private readonly IFrameWriterOwner<T> _owner;
    private readonly Channel<T> _queue;
    // One send at a time on the transport: held by the writer while it drains, or by a direct send.
    private readonly SemaphoreSlim _sendSlot = new(1, 1);
    // Wakes the writer loop; released only when _wakePending goes 0 → 1, reset by the writer before it waits.
    private readonly SemaphoreSlim _wake = new(0);
    private int _wakePending;
    private int _count; // items queued: counted before they are written, so a direct send never overtakes them
    private int _readable; // items written and not yet read (counted after the write): what the writer loop waits for

    /// <summary>Creates a writer.</summary>
    /// <param name="connection">The transport connection.</param>
    /// <param name="owner">The session's bookkeeping.</param>
    /// <param name="capacity">The queue bound (<see cref="TryEnqueue(T)"/> then fails when full), or <see langword="null"/> for none.</param>
    public FrameWriter(IBlinkTradeConnection connection, IFrameWriterOwner<T> owner, int? capacity)
    {
        _connection = connection;
        _owner = owner;
        _queue = capacity is { } bound
            ? Channel.CreateBounded<T>(new BoundedChannelOptions(bound) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait })
            : Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    }

    /// <summary>Items waiting in the queue.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes when the queue was completed and emptied.</summary>
    public Task Completion => _queue.Reader.Completion;

    /// <summary>Refuses further items; the writer still sends what is queued.</summary>
    public void Complete()
    {
        _queue.Writer.TryComplete();
        Wake();
    }

    /// <summary>Sends on the caller's thread when the item would otherwise be the only one queued.</summary>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the send (the session's stop).</param>
    /// <returns><see langword="false"/> when it must be queued instead; <see langword="true"/> when it was handed to
    /// the transport, is completing in the background, or failed (the owner was told).</returns>
    public bool TrySendDirect(T item, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _count) != 0 || !_sendSlot.Wait(0))
        {
            return false;
        }
        if (Volatile.Read(ref _count) != 0 || !_owner.CanSendDirect)
        {
            _sendSlot.Release();
            return false;
        }
        if (SendHoldingSlot(item, cancellationToken, wakeAfter: false))
        {
            _sendSlot.Release();
            _owner.OnSent(item);
        }
        return true;
    }

    /// <summary>Queues an item for <see cref="DrainAsync"/> and wakes the writer loop.</summary>
    /// <returns><see langword="false"/> when the queue is full or completed.</returns>
    public bool TryEnqueue(T item) => TryEnqueue(item, wakeWriter: true);

    /// <summary>Queues an item, optionally without waking the writer loop.</summary>
    /// <param name="item">The item.</param>
    /// <param name="wakeWriter"><see langword="false"/> when the caller will call <see cref="SendQueued"/> soon (it
    /// sends the item or wakes the writer): until then the item waits, and frames queued after it wait behind it.</param>
    /// <returns><see langword="false"/> when the queue is full or completed.</returns>
    public bool TryEnqueue(T item, bool wakeWriter)
    {
        Interlocked.Increment(ref _count);
        if (_queue.Writer.TryWrite(item))
        {
            Interlocked.Increment(ref _readable);
            if (wakeWriter)
            {
                Wake();
            }
            return true;
        }
        Interlocked.Decrement(ref _count);
        return false;
    }

    /// <summary>
    /// Sends what is queued on the caller's thread, in order, while the transport takes each frame at once; when the
    /// send slot is taken, the owner refuses direct sends, or a send has to wait, the writer loop carries on instead.
    /// </summary>
    /// <param name="cancellationToken">Cancels the sends (the session's stop).</param>
    public void SendQueued(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return;
        }
        if (!_sendSlot.Wait(0))
        {
            Wake(); // the holder is the writer (it drains on) or a direct send (the queue was not empty: it refused)
            return;
        }
        if (!_owner.CanSendDirect)
        {
            _sendSlot.Release();
            Wake();
            return;
        }
        while (_queue.Reader.TryRead(out var item))
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Decrement(ref _readable);
            _owner.OnDequeued(item);
            if (!SendHoldingSlot(item, cancellationToken, wakeAfter: true))
            {
                return; // the rest is the writer loop's
            }
            _owner.OnSent(item);
        }
        _sendSlot.Release();
        if (Volatile.Read(ref _count) != 0)
        {
            Wake(); // queued meanwhile by a caller that found the slot taken
        }
    }

    /// <summary>Takes an item that will never be sent out of the queue (after the writer stopped).</summary>
    public bool TryTakeQueued(out T item)
    {
        if (!_queue.Reader.TryRead(out item!))
        {
            return false;
        }
        Interlocked.Decrement(ref _count);
        Interlocked.Decrement(ref _readable);
        return true;
    }

    /// <summary>Sends the queued items in order until the queue is completed and empty. A failed send is reported to
    /// the owner and then thrown; cancellation throws.</summary>
    /// <param name="cancellationToken">Stops the writer.</param>
    /// <returns>A task that completes when the queue was completed and emptied.</returns>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Not _count, which runs ahead of a write in progress: nothing to spin on while it completes.
            if (Volatile.Read(ref _readable) <= 0)
            {
                if (_queue.Reader.Completion.IsCompleted)
                {
                    return;
                }
                // Reset before looking again, so a frame queued after the look wakes the next wait.
                Volatile.Write(ref _wakePending, 0);
                if (Volatile.Read(ref _readable) <= 0 && !_queue.Reader.Completion.IsCompleted)
                {
                    await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                continue;
            }
            await _sendSlot.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    Interlocked.Decrement(ref _count);
                    Interlocked.Decrement(ref _readable);
                    _owner.OnDequeued(item);
                    try
                    {
                        await _owner.BeforeSendAsync(item, cancellationToken).ConfigureAwait(false);
                        await _connection.SendAsync(_owner.FrameOf(item), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        _owner.OnSendFailed(item, e);
                        throw;
                    }
                    _owner.OnSent(item);
                }
            }
            finally
            {
                _sendSlot.Release();
            }
        }
    }

    /// <summary>Waits until no send is in flight and keeps the send slot for good: nothing is sent after this (used
    /// before closing the connection).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the slot is held.</returns>
    public Task StopSendingAsync(CancellationToken cancellationToken) => _sendSlot.WaitAsync(cancellationToken);

    // Hands one item to the transport under the send slot. True when the transport took it at once (the slot is still
    // held, OnSent is the caller's); false when it failed (the owner was told, the slot released) or completes in the
    // background (which releases the slot). Either way, wakeAfter wakes the writer for what is still queued.
    private bool SendHoldingSlot(T item, CancellationToken cancellationToken, bool wakeAfter)
    {
        ValueTask sending;
        try
        {
            sending = _connection.SendAsync(_owner.FrameOf(item), cancellationToken);
        }
#pragma warning disable CA1031 // Whatever the transport throws, the owner is told and the slot released.
        catch (Exception e)
#pragma warning restore CA1031
        {
            SendFailed(item, e, wakeAfter);
            return false;
        }
        if (!sending.IsCompletedSuccessfully)
        {
            _ = CompleteDirectSendAsync(item, sending, wakeAfter);
            return false;
        }
        sending.GetAwaiter().GetResult(); // consumes a pooled ValueTask source
        return true;
    }

    private async Task CompleteDirectSendAsync(T item, ValueTask sending, bool wakeAfter)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the transport throws, the owner is told and the slot released.
        catch (Exception e)
#pragma warning restore CA1031
        {
            SendFailed(item, e, wakeAfter);
            return;
        }
        _sendSlot.Release();
        _owner.OnSent(item);
        if (wakeAfter)
        {
            Wake(); // the rest of what SendQueued found is the writer loop's
        }
    }

    // A send that threw (at once or when awaited): the owner is told, the slot released, and the queue's rest woken.
    private void SendFailed(T item, Exception e, bool wakeAfter)
    {
        _owner.OnSendFailed(item, e);
        _sendSlot.Release();
        if (wakeAfter)
        {
            Wake();
        }
    }

    private void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            _wake.Release();
        }
    }
}
