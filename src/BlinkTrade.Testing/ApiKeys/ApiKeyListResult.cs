namespace BlinkTrade.Testing.ApiKeys;

/// <summary>One page of an owner's keys.</summary>
/// <param name="Total">How many keys match over all pages.</param>
/// <param name="Rows">The keys on the page, oldest first.</param>
public sealed record ApiKeyListResult(int Total, IReadOnlyList<ApiKeyEntry> Rows);
