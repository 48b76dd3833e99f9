using System.Diagnostics;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// This benchmark program run again as a child process with another command (<c>scale-server</c>,
/// <c>scale-placer</c>), driven by lines: the child prints <c>ready &lt;text&gt;</c> once started, then answers each
/// request line on stdin with one <c>= &lt;answer&gt;</c> line; it ends when stdin says <c>quit</c> or closes.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process, string ready)
    {
        _process = process;
        Ready = ready;
    }

    /// <summary>What the child said when it was ready.</summary>
    public string Ready { get; }

    public int ProcessId => _process.Id;

    /// <summary>The child's CPU time so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<ChildProcess> StartAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var self = typeof(ChildProcess).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (!Path.GetFileNameWithoutExtension(host).Equals(Path.GetFileNameWithoutExtension(self), StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(self); // run as `dotnet BlinkTrade.Benchmarks.dll`
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // A runtime setting meant for this process alone (say inline socket completions for `scale`'s subscribers only,
        // task 18u) is named in BLINKTRADE_BENCH_PARENT_ONLY (comma-separated) and kept out of the child's environment.
        foreach (var name in (Environment.GetEnvironmentVariable("BLINKTRADE_BENCH_PARENT_ONLY") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            start.Environment.Remove(name);
        }
        // And one meant for one child alone (say inline socket completions for `scale`'s placer only): the child's command
        // in BLINKTRADE_BENCH_ENV_<COMMAND> (upper case, '-' as '_'), "NAME=value" pairs separated by ';'.
        foreach (var pair in (Environment.GetEnvironmentVariable("BLINKTRADE_BENCH_ENV_" + args[0].ToUpperInvariant().Replace('-', '_')) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                start.Environment[pair[..equals]] = pair[(equals + 1)..];
            }
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + args[0]);
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                return new ChildProcess(process, line["ready ".Length..]);
            }
        }
        throw new InvalidOperationException(args[0] + " ended before it was ready");
    }

    /// <summary>Sends one request line and returns the child's answer.</summary>
    public async Task<string> AskAsync(string request, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(request.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("= ", StringComparison.Ordinal))
            {
                return line[2..];
            }
        }
        throw new InvalidOperationException("the child process ended");
    }

    /// <summary>The child's side: answers each request line until <c>quit</c> or the end of stdin.</summary>
    public static async Task ServeAsync(Func<string, Task<string>> answer)
    {
        while (await Console.In.ReadLineAsync() is { } line && line != "quit")
        {
            Console.WriteLine("= " + await answer(line));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
