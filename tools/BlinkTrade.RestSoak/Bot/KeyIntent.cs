namespace BlinkTrade.RestSoak.Bot;

/// <summary>An API key the bot meant to create once (by its label), and later revoke.</summary>
/// <param name="Label">Unique per run.</param>
/// <param name="Outcome">created, refused (an answer that is not 2xx), unknown (no answer), unexpected.</param>
/// <param name="ApiId">The id the answer gave.</param>
internal sealed record KeyIntent(string Label, string Outcome, string? ApiId);
