namespace BlinkTrade.Quickstart;

/// <summary>How far start-up got, so a stop or a failure before the market is on screen can say where it was.
/// Written and read on the quickstart's one start-up flow (no locking needed).</summary>
internal sealed class StartUpProgress
{
    /// <summary>What start-up is doing, e.g. <c>connecting to ws://127.0.0.1:8080/trade/</c>.</summary>
    public string Step { get; set; } = "starting";

    /// <summary>The endpoint being connected to, once known.</summary>
    public Uri? Endpoint { get; set; }
}
