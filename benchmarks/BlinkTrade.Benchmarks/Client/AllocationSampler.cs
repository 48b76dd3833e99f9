using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// Which types a run allocates, without an external profiler: listens in-process to the runtime's
/// <c>GCAllocationTick</c> events (one per ~100 KB allocated, naming the type that crossed the threshold), so the
/// counts are proportional to bytes allocated per type.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, int> _ticks = new(StringComparer.Ordinal);

    /// <summary>Prints the <paramref name="top"/> most sampled types, most first.</summary>
    public void Print(int top)
    {
        var total = _ticks.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation samples (GCAllocationTick, ~100 KB each): {total:N0}"));
        foreach (var (type, count) in _ticks.OrderByDescending(t => t.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,6} {100.0 * count / Math.Max(total, 1),5:F1}%  {type}"));
        }
    }

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is not { } names)
        {
            return;
        }
        var index = names.IndexOf("TypeName");
        var type = index >= 0 ? eventData.Payload?[index]?.ToString() ?? "?" : "?";
        _ticks.AddOrUpdate(type, 1, static (_, count) => count + 1);
    }
}
