namespace BlinkTrade.NetworkSoak.MarketData;

/// <summary>How a comparison of alice's book with the exchange's ended.</summary>
internal enum BookSampleOutcome
{
    /// <summary>alice's book equalled the exchange's (after a round trip on her current connection).</summary>
    Matched,

    /// <summary>For the whole sample alice was logged in, her pings came back on one connection, the exchange's book did
    /// not move, and her book still differed: a broken promise.</summary>
    Differed,

    /// <summary>Nothing can be concluded: her link was down or replaced, or the exchange's book moved (a request frozen
    /// in the proxy arrived), or the traders did not stop in time.</summary>
    Inconclusive,
}
