using System.Diagnostics.Metrics;

namespace BlinkTrade.Client.Internal.Telemetry;

/// <summary>
/// How the packages' instruments (<see cref="ClientMetrics"/>, the exchange's and the API-key client's) count: one tag
/// per measurement, built only when something listens, so the hot paths (receive loops, the exchange actor) pay one
/// <see cref="Instrument.Enabled"/> check when nothing does (docs/performance.md "Instrumentation").
/// </summary>
internal static class CounterExtensions
{
    /// <summary>Adds <paramref name="delta"/> tagged <paramref name="tag"/> = <paramref name="value"/>, when anything listens.</summary>
    /// <remarks>Generic so a value type (a reject reason) is boxed only when the measurement is taken.</remarks>
    public static void AddTagged<T>(this Counter<long> counter, long delta, string tag, T value)
    {
        if (counter.Enabled)
        {
            counter.Add(delta, new KeyValuePair<string, object?>(tag, value));
        }
    }

    /// <summary>Adds <paramref name="count"/> when it is positive (a batch that counted nothing records no measurement).</summary>
    public static void AddPositive(this Counter<long> counter, long count)
    {
        if (count > 0)
        {
            counter.Add(count);
        }
    }
}
