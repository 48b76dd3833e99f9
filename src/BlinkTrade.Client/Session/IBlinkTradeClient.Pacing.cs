namespace BlinkTrade.Client;

public partial interface IBlinkTradeClient
{
    /// <summary>Every outgoing message that had to wait for pacing (<see cref="BlinkTradeClientOptions.Pacing"/>), with
    /// how long it waited: a steady stream means the application sends faster than the server's rate limit allows.</summary>
    IObservable<PacingDelay> PacingDelays { get; }
}
