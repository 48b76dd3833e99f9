namespace BlinkTrade.Client.Tests.Support;

internal static class TestDefaults
{
    /// <summary>The bound of every wait on another thread (never reached by a passing test).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static readonly Uri Endpoint = new("ws://scripted.test/trade/");
}
