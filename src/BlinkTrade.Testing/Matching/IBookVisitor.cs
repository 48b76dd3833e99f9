namespace BlinkTrade.Testing.Matching;

/// <summary>Receives resting orders from <see cref="MatchingEngine.VisitBook{TVisitor}"/>.</summary>
internal interface IBookVisitor
{
    /// <summary>One resting order, in priority order.</summary>
    /// <param name="orderId">Order id.</param>
    /// <param name="price">Limit price.</param>
    /// <param name="leavesQty">Open quantity.</param>
    void Visit(long orderId, long price, long leavesQty);
}
