namespace BlinkTrade.Testing.Telemetry;

/// <summary>
/// The name under which the reference exchange publishes its metrics, for OpenTelemetry's <c>AddMeter</c> and
/// <c>dotnet-counters monitor --counters BlinkTrade.ReferenceExchange</c>; docs/observability.md lists every instrument.
/// </summary>
public static class ExchangeTelemetry
{
    /// <summary>The meter's name: <c>BlinkTrade.ReferenceExchange</c>.</summary>
    public const string Name = "BlinkTrade.ReferenceExchange";
}
