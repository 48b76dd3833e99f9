using System.Diagnostics;
using System.Text;

namespace BlinkTrade.Packaging.Tests;

/// <summary>Runs the same <c>dotnet</c> as the test host, with a bounded time and no lingering build servers.</summary>
internal static class DotNet
{
    // A safety net only: packing on a loaded 2-core machine has taken more than 5 minutes.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(15);

    public static string HostPath
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(host) || !File.Exists(host) ? "dotnet" : host;
        }
    }

    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed);

    /// <summary>Runs <c>dotnet args…</c> in <paramref name="workingDirectory"/>; throws with the full output when it fails or times out.</summary>
    public static async Task<Result> RunAsync(string workingDirectory, IEnumerable<string> args, TimeSpan? timeout = null, bool allowFailure = false)
    {
        var start = StartInfo(workingDirectory, args);
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', start.ArgumentList)} timed out after {timeout ?? DefaultTimeout}:\n{Snapshot(output)}");
        }
        var result = new Result(process.ExitCode, Snapshot(output), clock.Elapsed);
        if (!allowFailure && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', start.ArgumentList)} exited with {result.ExitCode}:\n{result.Output}");
        }
        return result;
    }

    /// <summary>The start info of <c>dotnet args…</c>: redirected output, no first-run banners, no lingering build servers.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(HostPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // The test host inherits MSBuild variables from `dotnet test`; a child build must pick its own.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No MSBuild nodes or compiler servers that outlive the command (they would hold our output pipes open).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        return start;
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
