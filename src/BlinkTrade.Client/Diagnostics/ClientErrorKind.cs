namespace BlinkTrade.Client.Diagnostics;

/// <summary>What an entry of <see cref="IBlinkTradeClient.Errors"/> reports.</summary>
public enum ClientErrorKind
{
    /// <summary>A frame could not be parsed (the exception is a <see cref="Protocol.ProtocolException"/>); the frame was skipped.</summary>
    MalformedFrame,

    /// <summary>A well-formed frame with a MsgType this SDK does not model arrived and nothing was waiting for it.</summary>
    UnknownMessage,

    /// <summary>The server sent an <c>ERROR</c> frame (the exception is a <see cref="Requests.BlinkTradeErrorException"/>).</summary>
    ServerError,

    /// <summary>A subscriber's <see cref="IObserver{T}.OnNext"/> threw; the subscriber stays subscribed and the others are unaffected.</summary>
    SubscriberFault,

    /// <summary>A subscriber fell too far behind and was dropped (see the back-pressure policy in the README).</summary>
    SubscriberOverflow,

    /// <summary>A heartbeat went unanswered.</summary>
    HeartbeatMissed,

    /// <summary>The connection failed or went stale; the client reconnects when the reconnect policy allows it.</summary>
    ConnectionLost,

    /// <summary>A reconnect attempt (connect, login, resubscribe or reconcile) failed.</summary>
    ReconnectFailed,

    /// <summary>An order-book update did not fit the local replica; the book is rebuilt from a fresh snapshot.</summary>
    BookOutOfSync,

    /// <summary>A market-data request was rejected (<c>Y</c>).</summary>
    MarketDataRejected,

    /// <summary>The trades missed while a trade stream was interrupted could not be fetched (<c>U32</c> failed): the
    /// stream goes on with a gap.</summary>
    TradesGap,
}
