namespace BlinkTrade.Client.Transport;

/// <summary>What a <see cref="FrameWriter{T}"/> asks of the session that owns it: the bytes of an item and the
/// session's own bookkeeping around a send (the client's send waiters, the exchange's byte bound and fault hooks).</summary>
/// <typeparam name="T">The queued item: a frame, or a frame with its sender's completion.</typeparam>
internal interface IFrameWriterOwner<T>
{
    /// <summary>Whether the session still lets a frame go out on the caller's thread; asked under the send slot.</summary>
    bool CanSendDirect { get; }

    /// <summary>The frame's bytes.</summary>
    ReadOnlyMemory<byte> FrameOf(T item);

    /// <summary>The writer took <paramref name="item"/> out of the queue (it is now in flight).</summary>
    void OnDequeued(T item);

    /// <summary>Runs on the writer, before a queued frame is handed to the transport (the exchange's fault hooks).</summary>
    ValueTask BeforeSendAsync(T item, CancellationToken cancellationToken);

    /// <summary>The transport accepted the frame.</summary>
    void OnSent(T item);

    /// <summary>The transport refused the frame (direct or queued send); called before the send slot is released.</summary>
    void OnSendFailed(T item, Exception error);
}
