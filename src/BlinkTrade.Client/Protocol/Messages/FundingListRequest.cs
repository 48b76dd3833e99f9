namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of the two mirror-image funding list requests, <see cref="DepositListRequest"/> (<c>U30</c>) and
/// <see cref="WithdrawListRequest"/> (<c>U26</c>): a page of the movements in some statuses, matching search terms,
/// of the user or of a broker's customer.
/// </summary>
/// <typeparam name="TStatus">The movement's status type (<see cref="DepositStatus"/>, <see cref="WithdrawStatus"/>).</typeparam>
public abstract partial record FundingListRequest<TStatus> : PagedMessage
    where TStatus : struct, IWireEnum<TStatus>
{
    /// <summary>Statuses to list (at most 5; when none are given a withdrawal list shows the pending and in-progress ones).</summary>
    public IReadOnlyList<TStatus>? StatusList { get; init; }

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>The customer a broker asks about.</summary>
    public long? ClientID { get; init; }
}
