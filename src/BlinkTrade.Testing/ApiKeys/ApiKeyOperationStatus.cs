namespace BlinkTrade.Testing.ApiKeys;

/// <summary>The outcome of a store operation on an existing key.</summary>
public enum ApiKeyOperationStatus
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>No such key, or it belongs to another owner (the two are indistinguishable on purpose).</summary>
    NotFound,

    /// <summary>The key's state does not allow the operation (e.g. approving a revoked key).</summary>
    InvalidTransition,

    /// <summary>The key was created with <c>Revocable = false</c>.</summary>
    NotRevocable,
}
