namespace BlinkTrade.Client.Diagnostics;

/// <summary>
/// The names under which the client publishes its metrics (<see cref="System.Diagnostics.Metrics.Meter"/>) and traces
/// (<see cref="System.Diagnostics.ActivitySource"/>), for OpenTelemetry's <c>AddMeter</c> / <c>AddSource</c> and for
/// <c>dotnet-counters monitor --counters BlinkTrade.Client</c>. Every instrument is listed in
/// <c>docs/observability.md</c>.
/// </summary>
public static class BlinkTradeTelemetry
{
    /// <summary>The meter's and the activity source's name: <c>BlinkTrade.Client</c>.</summary>
    public const string Name = "BlinkTrade.Client";
}
