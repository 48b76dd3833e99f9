using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of the two mirror-image funding list requests, <see cref="DepositListRequest"/> (<c>U30</c>) and
/// <see cref="WithdrawListRequest"/> (<c>U26</c>): a page of the movements in some statuses, matching search terms,
/// of the user or of a broker's customer.
/// </summary>
/// <typeparam name="TStatus">The movement's status type (<see cref="DepositStatus"/>, <see cref="WithdrawStatus"/>).</typeparam>
public abstract record FundingListRequest<TStatus> : PagedMessage
    where TStatus : struct, IWireEnum<TStatus>
{
    /// <summary>Statuses to list (at most 5; when none are given a withdrawal list shows the pending and in-progress ones).</summary>
    public IReadOnlyList<TStatus>? StatusList { get; init; }

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>The customer a broker asks about.</summary>
    public long? ClientID { get; init; }

    /// <summary>Prints the paged request's members, then the statuses, search terms and customer.</summary>
    /// <param name="builder">The record's text so far.</param>
    /// <returns>Whether anything was printed (always: the message type).</returns>
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(StatusList), RecordText.List(StatusList)), (nameof(Filter), RecordText.List(Filter)), (nameof(ClientID), ClientID));
}
