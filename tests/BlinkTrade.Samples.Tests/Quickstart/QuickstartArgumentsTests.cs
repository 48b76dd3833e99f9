using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BlinkTrade.Samples.Tests.Support;

namespace BlinkTrade.Samples.Tests.Quickstart;

/// <summary>
/// The quickstart as a process, refusing what it cannot do: bad arguments, an unreachable server and a stop during
/// start-up each end with one readable message, the documented exit code and no stack trace. (A separate class from
/// <see cref="QuickstartProcessTests"/> so xunit runs both in parallel.)
/// </summary>
public sealed class QuickstartArgumentsTests
{
    [Theory]
    [InlineData("--duration=-1", "--duration")]
    [InlineData("--duration=0", "--duration")]
    [InlineData("--duration=soon", "soon")]
    [InlineData("--url=ws://127.0.0.1:9/trade/", "--user")]
    [InlineData("--url=http://127.0.0.1:9/trade/", "ws://")]
    [InlineData("--user=alice", "--url")]
    [InlineData("--no-such-option", "--no-such-option")]
    public async Task Invalid_arguments_exit_with_code_2_and_say_what_is_wrong(string argument, string mentioned)
    {
        var run = await QuickstartProcess.RunAsync(argument);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(mentioned, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Starting the embedded", run.Output, StringComparison.Ordinal); // refused before doing anything
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_once_without_a_stack_trace_or_the_password()
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        var run = await QuickstartProcess.RunAsync("--url", "ws://127.0.0.1:9/trade/", "--user", "alice", "--password", "hunter2-secret", "--duration", "10");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(Regex.Matches(run.Error, "Could not connect"));
        Assert.Single(Regex.Matches(run.Output + run.Error, Regex.Escape("ws://127.0.0.1:9/trade/") + ": "));
        Assert.DoesNotContain("hunter2-secret", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stop_before_start_up_finished_says_so_and_exits_with_code_1()
    {
        // A server that accepts the TCP connection and never answers the WebSocket handshake: start-up cannot finish.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = $"ws://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/trade/";
        await using var quickstart = QuickstartProcess.Start("--url", url, "--user", "alice", "--password", "x", "--duration", "1");

        await quickstart.WaitForLineAsync(line => line.StartsWith($"Connecting to {url}", StringComparison.Ordinal), "connecting line");
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(QuickstartProcess.SafetyNet);
        var run = await quickstart.StopAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"Stopped before start-up finished (while connecting to {url}).", run.Error.Trim());
        Assert.DoesNotContain(run.Lines, line => line.StartsWith("Ready", StringComparison.Ordinal));
    }
}
