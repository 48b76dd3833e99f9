namespace BlinkTrade.Testing.ApiKeys;

/// <summary>The account a key belongs to: keys belong to (broker, user), as in the protocol (§4.2).</summary>
/// <param name="BrokerId">The broker the user signed up with.</param>
/// <param name="UserId">The user.</param>
public readonly record struct ApiKeyOwner(int BrokerId, int UserId)
{
    /// <summary>The owner of platform administration keys (broker 0, user 0).</summary>
    public static ApiKeyOwner Platform { get; } = new(0, 0);
}
