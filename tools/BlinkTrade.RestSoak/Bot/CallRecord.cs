namespace BlinkTrade.RestSoak.Bot;

/// <summary>One call the bot made and what it got back.</summary>
/// <param name="Flow">Which client made it (main, second: a second client on the same credential, keys).</param>
/// <param name="Kind">order, cancel, balance, orders, key-create, key-list, key-status, key-revoke, key-regenerate.</param>
/// <param name="At">Seconds since the start of the run.</param>
/// <param name="Ms">How long it took.</param>
/// <param name="BoundMs">The longest it may take by its options (attempts × timeout + retry delays).</param>
/// <param name="Outcome">ok, recovered, not_placed, error, unknown, refused…, or unexpected (an exception the documentation does not name).</param>
/// <param name="Detail">The exception's type and message, when there was one.</param>
internal sealed record CallRecord(string Flow, string Kind, double At, double Ms, double BoundMs, string Outcome, string? Detail);
