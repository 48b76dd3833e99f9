namespace BlinkTrade.RestSoak.Bot;

/// <summary>A cancel the bot sent and what it was told.</summary>
/// <param name="ClOrdID">The order it cancels.</param>
/// <param name="Outcome">cancelled (a report said so), error (an ERROR answer: unknown or finished order), refused, unknown, unexpected.</param>
internal sealed record CancelIntent(string ClOrdID, string Outcome);
