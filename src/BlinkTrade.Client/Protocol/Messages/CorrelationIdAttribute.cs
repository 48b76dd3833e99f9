namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Marks a paged message's correlation-id property (e.g. <c>LedgerListReqID</c>): the source generator
/// (<c>src/BlinkTrade.Client.Generators</c>) writes the record's <c>ReqIDMember</c> from it, so
/// <see cref="PagedMessage"/> prints it before <c>Page</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
internal sealed class CorrelationIdAttribute : Attribute;
