namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>One planned fault (see <see cref="ApiKeysFaultInjector"/>).</summary>
/// <param name="StatusCode">The 5xx status to answer, or null for a delay only.</param>
/// <param name="Delay">How long to stall before handling (or failing) the request.</param>
/// <param name="AfterExecution">Fail only after the request was executed (a lost answer: the outcome is unknown to the caller).</param>
/// <param name="Verb">Only requests to this verb (e.g. <c>status</c>); any verb when null.</param>
/// <param name="Throw">Throw an exception inside the handler (tests that no stack trace reaches the caller).</param>
public sealed record ApiKeysFault(int? StatusCode, TimeSpan Delay, bool AfterExecution, string? Verb, bool Throw = false);
