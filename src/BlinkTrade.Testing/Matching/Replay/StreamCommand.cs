namespace BlinkTrade.Testing.Matching.Replay;

/// <summary>One parsed benchmark-stream line, already in engine units (satoshis) with the cancel target translated to the engine's order id.</summary>
internal struct StreamCommand
{
    public StreamCommandKind Kind;
    public Side Side;
    public TimeInForce TimeInForce;
    public int UserId;

    /// <summary>For <c>C</c>: the engine order id the cancelled stream id got (or -1 if the id was never used).</summary>
    public long TargetOrderId;
    public long Price;
    public long Quantity;
}
