using System.Diagnostics;

namespace BlinkTrade.Samples.Tests.Support;

/// <summary>The outcome of one quickstart run.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
/// <param name="Elapsed">From start to exit.</param>
internal sealed record QuickstartRun(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    /// <summary>Standard output, line by line.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Runs the built quickstart (<c>BlinkTrade.Quickstart.dll</c>, copied beside this test assembly by the project
/// reference) as a child process with redirected output, so it takes its plain-text path exactly as in CI or a pipe.
/// A run that outlives its timeout is killed with its whole process tree and fails the test: no hung CI.
/// </summary>
internal static class QuickstartProcess
{
    /// <summary>The quickstart's entry assembly beside the test assembly.</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "BlinkTrade.Quickstart.dll");

    /// <summary>Runs the quickstart with <paramref name="args"/> and waits at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long the run may take before it is killed.</param>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The run's outcome.</returns>
    public static async Task<QuickstartRun> RunAsync(TimeSpan timeout, params string[] args)
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

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited just now.
            }
            await process.WaitForExitAsync();
            Assert.Fail($"The quickstart did not exit within {timeout.TotalSeconds} s and was killed.\nstdout:\n{await output}\nstderr:\n{await error}");
        }
        stopwatch.Stop();
        return new QuickstartRun(process.ExitCode, await output, await error, stopwatch.Elapsed);
    }
}
