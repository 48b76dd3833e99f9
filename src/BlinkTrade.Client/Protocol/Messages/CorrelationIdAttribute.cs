namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Marks a message's correlation-id property (e.g. <c>LedgerListReqID</c>, <c>DepositReqID</c>): the source generator
/// (<c>src/BlinkTrade.Client.Generators</c>) writes from it a paged message's <c>ReqIDMember</c> (so
/// <see cref="PagedMessage"/> prints it before <c>Page</c>) and an entity report's request id in its
/// <c>IEntityReport.Shape</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
internal sealed class CorrelationIdAttribute : Attribute;
