using BlinkTrade.Client.Diagnostics;

namespace BlinkTrade.Client.Internal.Streams;

/// <summary>What a stream does with a subscriber whose delivery queue is full.</summary>
internal enum OverflowPolicy
{
    /// <summary>State streams (order books, tickers, balances, connection state): drop the oldest queued item; each item supersedes the previous one.</summary>
    DropOldest,

    /// <summary>Event streams (execution reports, trades, messages, errors): unsubscribe the subscriber with a <see cref="SubscriberOverflowException"/>; never lose an event silently.</summary>
    FaultSubscriber,
}
