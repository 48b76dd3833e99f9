namespace BlinkTrade.Client.Session;

/// <summary>Which paced messages go first when several wait (lower first; first in, first out within one class).</summary>
internal enum PacingPriority
{
    /// <summary>Keeping the session alive: TestRequest, Heartbeat, login.</summary>
    Session = 0,

    /// <summary>Order cancels: reducing risk must not wait behind anything else.</summary>
    Cancel = 1,

    /// <summary>New orders.</summary>
    NewOrder = 2,

    /// <summary>Everything else: queries, paging, subscriptions, account requests.</summary>
    Query = 3,
}
