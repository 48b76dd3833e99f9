using System.Diagnostics;
using System.Text;

namespace BlinkTrade.Samples.Tests.Support;

/// <summary>The outcome of one quickstart run.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
internal sealed record QuickstartRun(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output, line by line.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// The built quickstart (<c>BlinkTrade.Quickstart.dll</c>, copied beside this test assembly by the project reference)
/// as a child process with redirected output, so it takes its plain-text path exactly as in CI or a pipe. Tests read
/// its standard output line by line and react to what it prints (<see cref="WaitForLineAsync"/>), never to the clock;
/// the timeouts are only a safety net against a hung process, which is then killed with its whole tree.
/// </summary>
internal sealed class QuickstartProcess : IAsyncDisposable
{
    /// <summary>How long one awaited event may take before the test gives up: generous, for a loaded 2-core CI machine.</summary>
    public static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private TaskCompletionSource _nextLine = NewSignal();
    private bool _outputEnded;
    private readonly StringBuilder _error = new();
    private readonly Task _readers;

    private QuickstartProcess(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(ReadOutputAsync(), ReadErrorAsync());
    }

    /// <summary>The quickstart's entry assembly beside the test assembly.</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "BlinkTrade.Quickstart.dll");

    /// <summary>Standard output so far (the lines read), for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_lines)
            {
                lock (_error)
                {
                    return $"\nstdout:\n{string.Join('\n', _lines)}\nstderr:\n{_error}";
                }
            }
        }
    }

    /// <summary>Starts the quickstart with <paramref name="args"/>.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The running process.</returns>
    public static QuickstartProcess Start(params string[] args)
    {
        Assert.True(File.Exists(AssemblyPath), $"The quickstart was not built next to the tests: {AssemblyPath}");
        var start = new ProcessStartInfo
        {
            // The SDK sets DOTNET_HOST_PATH for `dotnet test`; `dotnet` from the PATH otherwise.
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // A password in the developer's environment must not change what the tests see.
        start.Environment.Remove("BLINKTRADE_PASSWORD");
        return new QuickstartProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Runs the quickstart with <paramref name="args"/> to its end (for runs that stop by themselves).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The run's outcome.</returns>
    public static async Task<QuickstartRun> RunAsync(params string[] args)
    {
        await using var process = Start(args);
        return await process.WaitForExitAsync();
    }

    /// <summary>Waits until standard output has a line (printed at any time since the start) that matches
    /// <paramref name="predicate"/>; fails the test (with everything printed so far) if the process ends first or
    /// nothing matches within <see cref="SafetyNet"/>.</summary>
    /// <param name="predicate">The line awaited.</param>
    /// <param name="what">What the line means, for the failure message.</param>
    /// <returns>The first matching line.</returns>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, string what)
    {
        using var deadline = new CancellationTokenSource(SafetyNet);
        while (true)
        {
            Task next;
            lock (_lines)
            {
                if (_lines.Select(line => line.Trim()).FirstOrDefault(predicate) is { } match)
                {
                    return match;
                }
                if (_outputEnded)
                {
                    Assert.Fail($"The quickstart exited before printing {what}.{Transcript}");
                }
                next = _nextLine.Task;
            }
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No {what} within {SafetyNet.TotalSeconds} s.{Transcript}");
            }
        }
    }

    /// <summary>Asks the quickstart to stop as Ctrl+C or a service manager would (SIGTERM), then waits for its exit.</summary>
    /// <returns>The run's outcome.</returns>
    public async Task<QuickstartRun> StopAsync()
    {
        Assert.False(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal; these tests run on Linux and macOS.");
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync();
        }
        return await WaitForExitAsync();
    }

    /// <summary>Waits for the process to exit by itself (at most <see cref="SafetyNet"/>, then it is killed and the
    /// test fails) and for its output to be read to the end.</summary>
    /// <returns>The run's outcome.</returns>
    public async Task<QuickstartRun> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(SafetyNet);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree();
            await _process.WaitForExitAsync();
            await _readers;
            Assert.Fail($"The quickstart did not exit within {SafetyNet.TotalSeconds} s and was killed.{Transcript}");
        }
        await _readers;
        lock (_lines)
        {
            lock (_error)
            {
                return new QuickstartRun(_process.ExitCode, string.Join('\n', _lines), _error.ToString());
            }
        }
    }

    /// <summary>Kills the process if a test left it running.</summary>
    /// <returns>A task that completes when it is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            KillTree();
            await _process.WaitForExitAsync();
        }
        await _readers;
        _process.Dispose();
    }

    private void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited just now.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ReadOutputAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            Signal(() => _lines.Add(line));
        }
        Signal(() => _outputEnded = true);
    }

    // Every waiter re-checks the lines after any change: one signal per change, replaced under the lock.
    private void Signal(Action change)
    {
        TaskCompletionSource signal;
        lock (_lines)
        {
            change();
            signal = _nextLine;
            _nextLine = NewSignal();
        }
        signal.SetResult();
    }

    private async Task ReadErrorAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            lock (_error)
            {
                _error.AppendLine(line);
            }
        }
    }
}
