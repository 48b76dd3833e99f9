using System.Diagnostics;

namespace BlinkTrade.Chaos;

/// <summary>The run's log: every line, with seconds since the start, to a file in the output folder (soak.log,
/// rest-soak.log); the lines that tell how the run goes (faults, progress, checks) to the console too.</summary>
internal sealed class SoakLog : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly StreamWriter _file;
    private readonly Lock _gate = new();

    public SoakLog(string path) => _file = new StreamWriter(path) { AutoFlush = true };

    /// <summary>Time since the start, the one clock every figure of the run is measured on.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Write(string text, bool echo = true)
    {
        var line = $"[{_clock.Elapsed.TotalSeconds,8:F2}] {text}";
        lock (_gate)
        {
            _file.WriteLine(line);
            if (echo)
            {
                Console.Out.WriteLine(line);
            }
        }
    }

    /// <summary>Writes <paramref name="line"/>'s text every <paramref name="interval"/> until <paramref name="stop"/>
    /// (a run's progress lines).</summary>
    public async Task WriteEveryAsync(TimeSpan interval, Func<string> line, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Write(line());
        }
    }

    public void Dispose() => _file.Dispose();
}
