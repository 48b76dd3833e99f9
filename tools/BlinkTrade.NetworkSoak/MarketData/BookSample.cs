namespace BlinkTrade.NetworkSoak.MarketData;

/// <summary>One comparison of alice's book with the exchange's while the book stood still.</summary>
/// <param name="At">Seconds since the start of the run.</param>
/// <param name="Outcome">Whether it matched, differed, or could not be decided.</param>
/// <param name="Detail">What was seen: the difference, or why the sample is inconclusive, or how long it took to match.</param>
/// <param name="Orders">Orders in the exchange's book then.</param>
internal sealed record BookSample(double At, BookSampleOutcome Outcome, string Detail, int Orders);
