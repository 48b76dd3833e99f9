namespace BlinkTrade.Testing.ApiKeys;

/// <summary>The reference exchange's key states (REST <c>state</c>; the WebSocket side only sees active vs revoked).</summary>
public enum ApiKeyLifecycleState
{
    /// <summary>Created over REST, waiting for the platform's approval; unusable.</summary>
    PendingApproval,

    /// <summary>Usable.</summary>
    Active,

    /// <summary>Refused by the platform; unusable, final.</summary>
    Rejected,

    /// <summary>Suspended by the platform; unusable until enabled.</summary>
    Disabled,

    /// <summary>Revoked by its owner; unusable, final.</summary>
    Revoked,
}
