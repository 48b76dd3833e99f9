using System.Globalization;
using System.Runtime;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>Argument parsing and machine/result printing shared by the client benchmark commands.</summary>
internal static class BenchOptions
{
    public static int Int(string[] args, string name, int fallback) =>
        String(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static string? String(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static void PrintMachine() =>
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
            $"GC server={GCSettings.IsServerGC} latency={GCSettings.LatencyMode}; load average {LoadAverage()}");

    /// <summary>Nearest-rank percentile of a sorted array.</summary>
    public static long Percentile(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
